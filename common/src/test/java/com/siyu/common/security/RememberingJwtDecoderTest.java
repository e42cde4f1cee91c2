package com.siyu.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class RememberingJwtDecoderTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = START;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Moving clock = new Moving();
    private final RSAKey key = generate();
    private final RSAKey stranger = generate();
    private final AtomicInteger fullChecks = new AtomicInteger();

    private RememberingJwtDecoder decoder() {
        SecuritySettings settings = new SecuritySettings();
        settings.setIssuer("siyu");
        settings.setAudience("siyu");
        settings.setClockSkew(Duration.ZERO);
        var validator = ServiceSecurityConfiguration.validator(settings, clock);
        NimbusJwtDecoder nimbus;
        try {
            nimbus = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        nimbus.setJwtValidator(validator);
        JwtDecoder counting = token -> {
            fullChecks.incrementAndGet();
            return nimbus.decode(token);
        };
        return new RememberingJwtDecoder(counting, validator, clock);
    }

    @Test
    void aTokenIsVerifiedOnceAndStillValidatedOnEveryUseUntilItExpires() {
        RememberingJwtDecoder decoder = decoder();
        String token = token(key, START.plusSeconds(30));
        Jwt first = decoder.decode(token);
        assertThat(decoder.decode(token)).isSameAs(first);
        assertThat(fullChecks).hasValue(1);
        // past its expiry the remembered token is refused, not answered from memory
        clock.now = START.plusSeconds(31);
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenIsRememberedForAMinuteAtMostThenVerifiedAgain() {
        RememberingJwtDecoder decoder = decoder();
        String token = token(key, START.plusSeconds(900));
        decoder.decode(token);
        clock.now = START.plusSeconds(59);
        decoder.decode(token);
        assertThat(fullChecks).hasValue(1);
        clock.now = START.plusSeconds(61);
        decoder.decode(token);
        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void theSameClaimsSignedByAnotherKeyAreAnotherTokenAndRefused() {
        RememberingJwtDecoder decoder = decoder();
        decoder.decode(token(key, START.plusSeconds(300)));
        assertThatThrownBy(() -> decoder.decode(token(stranger, START.plusSeconds(300)))).isInstanceOf(JwtException.class);
        assertThat(decoder.remembered()).isEqualTo(1);
    }

    private static String token(RSAKey key, Instant expiry) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("siyu").audience("siyu").subject("member:7").claim("typ", "member")
                    .claim("tid", 42L).issueTime(Date.from(START)).notBeforeTime(Date.from(START)).expirationTime(Date.from(expiry)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("k1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
