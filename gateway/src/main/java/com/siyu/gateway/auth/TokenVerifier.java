package com.siyu.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.siyu.gateway.GatewayProperties;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Verifies an RS256 access token issued by member-service and reads the caller out of it. */
@Component
class TokenVerifier {

    private final SigningKeyCache keys;
    private final Clock clock;
    private final String issuer;
    private final String audience;
    private final Duration skew;

    TokenVerifier(SigningKeyCache keys, Clock clock, GatewayProperties properties) {
        this.keys = keys;
        this.clock = clock;
        if (properties.issuer() == null || properties.issuer().isBlank() || properties.audience() == null || properties.audience().isBlank()) {
            throw new IllegalStateException("siyu.gateway.issuer and siyu.gateway.audience must be set: tokens are checked against both");
        }
        this.issuer = properties.issuer();
        this.audience = properties.audience();
        this.skew = properties.clockSkew() == null ? Duration.ofSeconds(30) : properties.clockSkew();
    }

    Mono<VerifiedCaller> verify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return Mono.error(new InvalidToken("The bearer token is not a JWT"));
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return Mono.error(new InvalidToken("The bearer token is not signed with RS256"));
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) {
            return Mono.error(new InvalidToken("The bearer token names no signing key"));
        }
        return keys.key(kid)
                .switchIfEmpty(Mono.error(new InvalidToken("The bearer token was signed with an unknown key")))
                .map(key -> {
                    try {
                        if (!jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                            throw new InvalidToken("The bearer token's signature is not valid");
                        }
                        return caller(jwt.getJWTClaimsSet());
                    } catch (JOSEException | ParseException e) {
                        throw new InvalidToken("The bearer token cannot be verified");
                    }
                });
    }

    private VerifiedCaller caller(JWTClaimsSet claims) throws ParseException {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null || expiry.toInstant().plus(skew).isBefore(now)) {
            throw new InvalidToken("The bearer token has expired; sign in again or refresh it");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().minus(skew).isAfter(now)) {
            throw new InvalidToken("The bearer token is not valid yet");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new InvalidToken("The bearer token was not issued by this platform");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new InvalidToken("The bearer token is not meant for this platform (audience)");
        }
        String type = claims.getStringClaim("typ");
        Long tenantId = claims.getLongClaim("tid");
        if (type == null || tenantId == null) {
            throw new InvalidToken("The bearer token carries no tenant");
        }
        List<String> roles = claims.getStringListClaim("roles");
        return new VerifiedCaller(type, tenantId, claims.getLongClaim("mid"), claims.getLongClaim("sid"),
                claims.getLongClaim("store"), roles == null ? List.of() : roles);
    }
}
