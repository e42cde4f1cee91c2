package com.siyu.common.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * The keys a service trusts to have signed a token: the pinned JWK Set (remote URL, refetched on an
 * unknown key id and rate-limited, or a static document) plus the service's own signing keys if it
 * signs tokens itself. A key id is looked up in each; the first source that knows it answers.
 */
final class TrustedKeys implements JWKSource<SecurityContext> {

    private final List<JWKSource<SecurityContext>> sources;

    private TrustedKeys(List<JWKSource<SecurityContext>> sources) {
        this.sources = List.copyOf(sources);
    }

    static TrustedKeys of(String jwksUri, LocalSigningKeys local) {
        List<JWKSource<SecurityContext>> sources = new ArrayList<>();
        if (local != null) {
            sources.add((selector, context) -> {
                List<JWK> found = selector.select(new JWKSet(local.publicKeys()));
                return found.isEmpty() ? selector.select(new JWKSet(local.reloadedPublicKeys())) : found;
            });
        }
        if (jwksUri != null && !jwksUri.isBlank()) {
            sources.add(pinned(jwksUri.trim()));
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("siyu.security.jwks-uri is not set: this service could not verify any token");
        }
        return new TrustedKeys(sources);
    }

    private static JWKSource<SecurityContext> pinned(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            try {
                return JWKSourceBuilder.create(URI.create(location).toURL())
                        .cache(10 * 60 * 1000L, 15 * 1000L)
                        .rateLimited(5 * 1000L)
                        .retrying(true)
                        .outageTolerantForever()
                        .build();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("siyu.security.jwks-uri is not a URL: " + location, e);
            }
        }
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return new ImmutableJWKSet<>(JWKSet.load(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JWK Set at " + location, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The JWK Set at " + location + " is not valid: " + e.getMessage(), e);
        }
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        KeySourceException last = null;
        for (JWKSource<SecurityContext> source : sources) {
            try {
                List<JWK> found = source.get(selector, context);
                if (!found.isEmpty()) {
                    return found;
                }
            } catch (KeySourceException e) {
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
        return List.of();
    }
}
