package com.siyu.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A token decoded and verified once is remembered by its SHA-256 for a minute at most (never past its expiry): the RSA
 * check of every inbound token was the largest single cost in points-service's and member-service's profiles, and a
 * caller (a shopper, another service's token) sends the same token many times. A remembered token is validated again on
 * every use (expiry, issuer, audience, type: Spring's validators, with the clock), so only the signature check is
 * skipped; a signing key withdrawn from the JWKS stops a remembered token within the minute.
 */
public class RememberingJwtDecoder implements JwtDecoder {

    static final Duration REMEMBER_FOR = Duration.ofMinutes(1);
    static final int MAX_REMEMBERED = 10_000;

    private record Remembered(Jwt jwt, Instant until) {
    }

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();

    public RememberingJwtDecoder(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, Clock clock) {
        this.decoder = decoder;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String digest = digest(token);
        Instant now = clock.instant();
        Remembered known = remembered.get(digest);
        if (known != null && known.until().isAfter(now)) {
            OAuth2TokenValidatorResult result = validator.validate(known.jwt());
            if (result.hasErrors()) {
                remembered.remove(digest);
                throw new JwtValidationException("The token is no longer valid", result.getErrors());
            }
            return known.jwt();
        }
        Jwt jwt = decoder.decode(token);
        Instant until = now.plus(REMEMBER_FOR);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.values().removeIf(r -> !r.until().isAfter(now));
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
        }
        remembered.put(digest, new Remembered(jwt, until));
        return jwt;
    }

    int remembered() {
        return remembered.size();
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
