package com.siyu.gateway;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param areas          the business areas; {@code /api/v1/{area}/**} and {@code /admin/v1/{area}/**}
 *                       route to {@code lb://{area}-service}
 * @param anonymousPaths shopper paths that need no token (sign-in, token refresh); Ant patterns
 * @param miniAppPaths   anonymous paths whose tenant is resolved from the X-Miniapp-AppId header
 * @param jwksUri        where the token signing keys are published: a pinned http(s) URL, never discovery
 * @param issuer         the expected {@code iss} of tokens (required)
 * @param audience       the {@code aud} tokens must name (required)
 * @param clockSkew      tolerance on {@code exp}
 * @param rateLimit      per tenant+client request rate
 */
@ConfigurationProperties("siyu.gateway")
public record GatewayProperties(List<String> areas, List<String> anonymousPaths, List<String> miniAppPaths, String jwksUri, String issuer,
                                String audience, Duration clockSkew, RateLimit rateLimit) {

    public record RateLimit(int replenishRate, int burstCapacity) {
    }
}
