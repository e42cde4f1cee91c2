package com.siyu.member.token.domain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.siyu.common.security.TokenClaims;
import com.siyu.member.staff.domain.StaffAccount;
import com.siyu.member.staff.domain.StaffRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Signs the access tokens the gateway and every service check (RS256, {@code iss}, {@code aud}, {@code nbf}, {@code exp}). Claims: {@code typ} (staff|member), {@code tid}
 * tenant, {@code sid}/{@code mid} staff or member id, {@code store}, {@code roles}.
 */
@Service
public class TokenIssuer {

    public static final String TYPE_STAFF = TokenClaims.TYPE_STAFF;
    public static final String TYPE_MEMBER = TokenClaims.TYPE_MEMBER;

    private final SigningKeys keys;
    private final Clock clock;
    private final String issuer;
    private final Duration accessTokenTtl;
    private final String audience;
    private final Duration clientTokenTtl;

    public TokenIssuer(SigningKeys keys, Clock clock,
                       @Value("${siyu.security.issuer:siyu}") String issuer,
                       @Value("${siyu.token.access-token-ttl:15m}") Duration accessTokenTtl,
                       @Value("${siyu.security.audience:siyu}") String audience,
                       @Value("${siyu.token.client-token-ttl:5m}") Duration clientTokenTtl) {
        this.audience = audience;
        this.clientTokenTtl = clientTokenTtl;
        this.keys = keys;
        this.clock = clock;
        this.issuer = issuer;
        this.accessTokenTtl = accessTokenTtl;
    }

    public IssuedToken issueStaff(StaffAccount staff) {
        JWTClaimsSet.Builder claims = base("staff:" + staff.id(), TYPE_STAFF, staff.tenantId())
                .claim("sid", staff.id())
                .claim("roles", staff.roles().stream().map(StaffRole::name).sorted().toList());
        if (staff.storeId() != null) {
            claims.claim("store", staff.storeId());
        }
        return sign(claims);
    }

    public IssuedToken issueMember(long tenantId, long memberId) {
        return sign(base("member:" + memberId, TYPE_MEMBER, tenantId).claim("mid", memberId));
    }

    /**
     * A token for a client of the token endpoint: a service ({@code typ=service}, {@code scope=internal},
     * acting for {@code tenantId} or for no tenant) or the platform operator ({@code typ=platform}).
     */
    public IssuedToken issueClient(String clientId, String type, String scope, Long tenantId) {
        JWTClaimsSet.Builder claims = base("client:" + clientId, type, tenantId, clientTokenTtl).claim(TokenClaims.SCOPE, scope);
        return sign(claims);
    }

    public Duration clientTokenTtl() {
        return clientTokenTtl;
    }

    public String rotateKeys() {
        return keys.rotate();
    }

    public void retireKey(String kid) {
        keys.retire(kid);
    }

    /** The public keys as a JWK Set document. */
    public Map<String, Object> jwks() {
        return new JWKSet(keys.published().stream()
                .map(key -> (com.nimbusds.jose.jwk.JWK) new RSAKey.Builder(key.publicKey())
                        .keyID(key.kid()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build())
                .toList()).toJSONObject(true);
    }

    private JWTClaimsSet.Builder base(String subject, String type, long tenantId) {
        return base(subject, type, tenantId, accessTokenTtl);
    }

    private JWTClaimsSet.Builder base(String subject, String type, Long tenantId, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim(TokenClaims.TYPE, type);
        if (tenantId != null) {
            claims.claim(TokenClaims.TENANT, tenantId);
        }
        return claims;
    }

    private IssuedToken sign(JWTClaimsSet.Builder claims) {
        SigningKey key = keys.current();
        JWTClaimsSet set = claims.build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build(), set);
        try {
            jwt.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign token with key " + key.kid(), e);
        }
        return new IssuedToken(jwt.serialize(), set.getExpirationTime().toInstant());
    }
}
