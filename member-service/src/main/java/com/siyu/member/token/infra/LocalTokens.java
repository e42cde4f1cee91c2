package com.siyu.member.token.infra;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.siyu.common.security.LocalSigningKeys;
import com.siyu.common.security.ServiceTokens;
import com.siyu.member.token.domain.ClientCredentials;
import com.siyu.member.token.domain.SigningKey;
import com.siyu.member.token.domain.SigningKeys;
import com.siyu.member.token.domain.TokenClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * member-service is the token service: it trusts its own signing keys without fetching its own JWKS,
 * and signs its own service tokens for its calls to other services' {@code /internal} endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenClients.class)
class LocalTokens {

    @Bean
    LocalSigningKeys localSigningKeys(SigningKeys keys, Clock clock) {
        return new CachedSigningKeys(keys, clock);
    }

    /** The published keys as the signing keys cache them, or reloaded (at most every 5 s) when a token names an unknown key. */
    static final class CachedSigningKeys implements LocalSigningKeys {
        private static final Duration MIN_RELOAD = Duration.ofSeconds(5);

        private final SigningKeys keys;
        private final Clock clock;
        private volatile List<JWK> cached = List.of();
        private volatile Instant loadedAt = Instant.EPOCH;

        CachedSigningKeys(SigningKeys keys, Clock clock) {
            this.keys = keys;
            this.clock = clock;
        }

        private volatile List<SigningKey> source = List.of();

        /** The signing keys' own cache (it holds a key this instance rotated to at once), mapped when it changes. */
        @Override
        public List<JWK> publicKeys() {
            List<SigningKey> known = keys.known();
            if (known != source) {
                return map(known);
            }
            return cached;
        }

        /** A key id nobody here knows (another replica rotated): reload from the database, at most every 5 s. */
        @Override
        public List<JWK> reloadedPublicKeys() {
            if (loadedAt.plus(MIN_RELOAD).isBefore(clock.instant())) {
                return map(keys.published());
            }
            return cached;
        }

        private synchronized List<JWK> map(List<SigningKey> signingKeys) {
            List<JWK> fresh = signingKeys.stream()
                    .map(key -> (JWK) new RSAKey.Builder(key.publicKey()).keyID(key.kid())
                            .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build())
                    .toList();
            cached = fresh;
            source = signingKeys;
            loadedAt = clock.instant();
            return fresh;
        }
    }

    @Bean
    ServiceTokens ownServiceTokens(ClientCredentials credentials) {
        return tenantId -> credentials.own(tenantId).accessToken();
    }
}
