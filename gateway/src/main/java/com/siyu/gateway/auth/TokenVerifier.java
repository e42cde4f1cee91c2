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

/**
 * Verifies an RS256 access token issued by member-service and reads the caller out of it. The RSA check (and
 * Nimbus's constant-time Base64) was most of the gateway's CPU per request, and a shopper sends the same token for
 * minutes: a token verified once is remembered by its SHA-256 until it expires, and used again only while its signing
 * key is still the one it was verified with (a key withdrawn from the JWKS ends it) and its expiry is re-checked
 * against the clock on every request. Nothing about a token can change but time, so this answers exactly what a full
 * verification would.
 */
@Component
class TokenVerifier {

    static final int MAX_REMEMBERED = 20_000;

    private final SigningKeyCache keys;
    private final Clock clock;
    private final String issuer;
    private final String audience;
    private final Duration skew;
    private final java.util.concurrent.ConcurrentHashMap<String, Verified> remembered = new java.util.concurrent.ConcurrentHashMap<>();

    /** A token that passed every check: who it names, with which key instance it was verified, until when it is valid. */
    private record Verified(VerifiedCaller caller, String kid, com.nimbusds.jose.jwk.RSAKey key, Instant expiry) {
    }

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
        String digest = digest(token);
        Verified known = remembered.get(digest);
        if (known != null) {
            if (known.expiry().plus(skew).isBefore(clock.instant())) {
                remembered.remove(digest);
                return Mono.error(new InvalidToken("The bearer token has expired; sign in again or refresh it"));
            }
            return keys.key(known.kid()).filter(key -> key == known.key()).map(key -> known.caller())
                    .switchIfEmpty(Mono.defer(() -> {
                        // its key was withdrawn or replaced: verified afresh against what the JWKS says now
                        remembered.remove(digest);
                        return verifyFully(token, digest);
                    }));
        }
        return verifyFully(token, digest);
    }

    int remembered() {
        return remembered.size();
    }

    private Mono<VerifiedCaller> verifyFully(String token, String digest) {
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
                        JWTClaimsSet claims = jwt.getJWTClaimsSet();
                        VerifiedCaller caller = caller(claims);
                        remember(digest, new Verified(caller, kid, key, claims.getExpirationTime().toInstant()));
                        return caller;
                    } catch (JOSEException | ParseException e) {
                        throw new InvalidToken("The bearer token cannot be verified");
                    }
                });
    }

    private void remember(String digest, Verified verified) {
        if (remembered.size() >= MAX_REMEMBERED) {
            Instant now = clock.instant();
            remembered.values().removeIf(v -> v.expiry().plus(skew).isBefore(now));
            if (remembered.size() >= MAX_REMEMBERED) {
                // more live tokens than it keeps: start again rather than grow (the next requests verify in full)
                remembered.clear();
            }
        }
        remembered.put(digest, verified);
    }

    private static String digest(String token) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
