package com.siyu.common.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.siyu.common.security.ServiceTokens;
import com.siyu.common.security.TokenClaims;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Tokens for integration tests, signed by the test key whose public half {@link ServiceIT} makes the
 * service trust ({@code siyu.security.jwks-uri=classpath:siyu-it/siyu-it-jwks.json}). Same claims as
 * member-service's tokens. {@link #rogue} signs with a key nobody trusts (same key id).
 */
public final class TestTokens {

    public static final String JWKS = "classpath:siyu-it/siyu-it-jwks.json";

    private static final RSAKey KEY = load("/siyu-it/siyu-it-signing-key.json");
    private static final RSAKey ROGUE = load("/siyu-it/siyu-it-rogue-key.json");

    private TestTokens() {
    }

    public static String member(long tenantId, long memberId) {
        return sign(KEY, claims(TokenClaims.TYPE_MEMBER, tenantId).claim(TokenClaims.MEMBER, memberId).subject("member:" + memberId));
    }

    public static String staff(long tenantId, long staffId, Long storeId, String... roles) {
        JWTClaimsSet.Builder claims = claims(TokenClaims.TYPE_STAFF, tenantId).claim(TokenClaims.STAFF, staffId)
                .claim(TokenClaims.ROLES, List.of(roles)).subject("staff:" + staffId);
        if (storeId != null) {
            claims.claim(TokenClaims.STORE, storeId);
        }
        return sign(KEY, claims);
    }

    /** A service token ({@code scope=internal}) acting for {@code tenantId} (or none). */
    public static String service(Long tenantId) {
        return sign(KEY, claims(TokenClaims.TYPE_SERVICE, tenantId).claim(TokenClaims.SCOPE, TokenClaims.SCOPE_INTERNAL).subject("client:it"));
    }

    public static String platform() {
        return sign(KEY, claims(TokenClaims.TYPE_PLATFORM, null).claim(TokenClaims.SCOPE, TokenClaims.SCOPE_PLATFORM).subject("client:platform-operator"));
    }

    /** A member token with its claims changed by {@code change} (expired, wrong issuer or audience, not yet valid...). */
    public static String memberWith(long tenantId, long memberId, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = claims(TokenClaims.TYPE_MEMBER, tenantId).claim(TokenClaims.MEMBER, memberId);
        change.accept(claims);
        return sign(KEY, claims);
    }

    /** A member token signed with a key the services do not trust. */
    public static String rogue(long tenantId, long memberId) {
        return sign(ROGUE, claims(TokenClaims.TYPE_MEMBER, tenantId).claim(TokenClaims.MEMBER, memberId));
    }

    /** Whether an Authorization header carries a service token ({@code scope=internal}) acting for {@code tenantId}. */
    public static boolean actsFor(String authorization, long tenantId) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        try {
            JWTClaimsSet claims = SignedJWT.parse(authorization.substring(7)).getJWTClaimsSet();
            return TokenClaims.SCOPE_INTERNAL.equals(claims.getStringClaim(TokenClaims.SCOPE))
                    && Long.valueOf(tenantId).equals(claims.getLongClaim(TokenClaims.TENANT));
        } catch (ParseException e) {
            return false;
        }
    }

    private static JWTClaimsSet.Builder claims(String type, Long tenantId) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("siyu").audience("siyu").jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim(TokenClaims.TYPE, type);
        if (tenantId != null) {
            claims.claim(TokenClaims.TENANT, tenantId);
        }
        return claims;
    }

    private static String sign(RSAKey key, JWTClaimsSet.Builder claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey load(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return RSAKey.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service under test calls other services (WireMock) with test-key service tokens. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        ServiceTokens testServiceTokens() {
            return TestTokens::service;
        }
    }
}
