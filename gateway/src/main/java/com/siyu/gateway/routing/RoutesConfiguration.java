package com.siyu.gateway.routing;

import com.siyu.gateway.GatewayProperties;
import com.siyu.gateway.auth.AuthenticationFilter;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Set;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * One route per business area: {@code /api/v1/{area}/**} (shoppers) and {@code /admin/v1/{area}/**}
 * (staff) go to {@code lb://{area}-service} behind a circuit breaker with a time limit and a Redis rate
 * limiter keyed by tenant and client; {@code /v3/api-docs/{area}} exposes that service's OpenAPI.
 * {@code /internal/**} has no route (and {@link AuthenticationFilter} refuses it before routing).
 */
@Configuration
class RoutesConfiguration {

    @Bean
    RouteLocator areaRoutes(RouteLocatorBuilder builder, GatewayProperties properties, RedisRateLimiter rateLimiter,
                            KeyResolver callerKeyResolver) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (String area : properties.areas()) {
            String service = "lb://" + area + "-service";
            routes.route(area, r -> r.path("/api/v1/" + area + "/**", "/admin/v1/" + area + "/**")
                    .filters(f -> f
                            .requestRateLimiter(c -> c.setRateLimiter(rateLimiter).setKeyResolver(callerKeyResolver)
                                    .setDenyEmptyKey(false))
                            .circuitBreaker(c -> c.setName(area).setFallbackUri("forward:/fallback/" + area)))
                    .uri(service));
            routes.route(area + "-api-docs", r -> r.path("/v3/api-docs/" + area)
                    .filters(f -> f.setPath("/v3/api-docs"))
                    .uri(service));
        }
        return routes.build();
    }

    @Bean
    @Primary
    RedisRateLimiter redisRateLimiter(GatewayProperties properties) {
        GatewayProperties.RateLimit limit = properties.rateLimit();
        return new RedisRateLimiter(limit.replenishRate(), limit.burstCapacity(), 1);
    }

    /** Tenant + client (member or staff id) for callers with a token; the client address otherwise. */
    @Bean
    @Primary
    KeyResolver callerKeyResolver() {
        return exchange -> {
            AuthenticationFilter.VerifiedCallerView caller = AuthenticationFilter.callerOf(exchange);
            if (caller != null) {
                return Mono.just("t" + caller.tenantId() + ":" + caller.client());
            }
            InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
            return Mono.just("anon:" + (remote == null ? "unknown" : remote.getAddress().getHostAddress()));
        };
    }

    @Bean
    @LoadBalanced
    WebClient.Builder loadBalancedWebClientBuilder() {
        return WebClient.builder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    static Set<String> areas(GatewayProperties properties) {
        return Set.copyOf(properties.areas());
    }
}
