package com.siyu.gateway.auth;

import com.siyu.gateway.GatewayProperties;
import com.siyu.gateway.problem.ProblemResponses;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's trust boundary. Drops every identity-looking header a client sent, refuses
 * {@code /internal/**}, requires a member token on {@code /api/**} (but the sign-in paths) and a staff
 * token with a role on {@code /admin/**}, and passes the bearer token on: every service verifies it
 * again and takes the caller from it alone (the gateway is the first check, not the only one).
 */
@Component
public class AuthenticationFilter implements GlobalFilter, Ordered {

    public static final String CALLER_ATTRIBUTE = AuthenticationFilter.class.getName() + ".caller";

    static final String TENANT_ID = "X-Tenant-Id";
    static final String MEMBER_ID = "X-Member-Id";
    static final String STAFF_ID = "X-Staff-Id";
    static final String STORE_ID = "X-Store-Id";
    static final String STAFF_ROLES = "X-Staff-Roles";
    private static final List<String> IDENTITY_HEADERS = List.of(TENANT_ID, MEMBER_ID, STAFF_ID, STORE_ID, STAFF_ROLES);

    static final String MINIAPP_APP_ID = "X-Miniapp-AppId";

    private final TokenVerifier verifier;
    private final ProblemResponses problems;
    private final List<String> anonymousPaths;
    private final List<String> miniAppPaths;
    private final AntPathMatcher matcher = new AntPathMatcher();

    AuthenticationFilter(TokenVerifier verifier, ProblemResponses problems, GatewayProperties properties) {
        this.verifier = verifier;
        this.problems = problems;
        this.anonymousPaths = properties.anonymousPaths() == null ? List.of() : properties.anonymousPaths();
        this.miniAppPaths = properties.miniAppPaths() == null ? List.of() : properties.miniAppPaths();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest stripped = exchange.getRequest().mutate()
                .headers(headers -> IDENTITY_HEADERS.forEach(headers::remove))
                .build();
        ServerWebExchange clean = exchange.mutate().request(stripped).build();
        String path = stripped.getPath().pathWithinApplication().value();

        if (path.startsWith("/internal/") || path.equals("/internal")) {
            return problems.write(clean, HttpStatus.NOT_FOUND, "NOT_FOUND", "No such endpoint");
        }
        boolean shopperArea = path.startsWith("/api/");
        boolean staffArea = path.startsWith("/admin/");
        if (!shopperArea && !staffArea) {
            return chain.filter(clean);
        }
        if (shopperArea && miniAppPaths.stream().anyMatch(pattern -> matcher.match(pattern, path))) {
            // member-service resolves the tenant from the app id itself; the gateway only refuses nonsense early
            String appId = stripped.getHeaders().getFirst(MINIAPP_APP_ID);
            if (appId == null || !appId.matches("[A-Za-z0-9_-]{1,32}")) {
                return problems.write(clean, HttpStatus.BAD_REQUEST, "MINIAPP_APP_ID_REQUIRED",
                        "Mini-program login needs the " + MINIAPP_APP_ID + " header (the mini-program's app id)");
            }
            return chain.filter(clean);
        }
        if (shopperArea && anonymousPaths.stream().anyMatch(pattern -> matcher.match(pattern, path))) {
            return chain.filter(clean);
        }
        String token = bearer(stripped);
        if (token == null) {
            return problems.write(clean, HttpStatus.UNAUTHORIZED, "TOKEN_REQUIRED",
                    staffArea ? "Staff endpoints need a staff access token (Authorization: Bearer ...)"
                            : "Shopper endpoints need a member access token (Authorization: Bearer ...)");
        }
        return verifier.verify(token)
                .flatMap(caller -> {
                    if (staffArea && (!caller.isStaff() || caller.roles().isEmpty())) {
                        return problems.write(clean, HttpStatus.FORBIDDEN, "STAFF_TOKEN_REQUIRED",
                                "Staff endpoints need a staff access token with a role");
                    }
                    if (shopperArea && !caller.isMember()) {
                        return problems.write(clean, HttpStatus.FORBIDDEN, "MEMBER_TOKEN_REQUIRED",
                                "Shopper endpoints need a member access token");
                    }
                    clean.getAttributes().put(CALLER_ATTRIBUTE, caller);
                    // the token itself travels on (Authorization): each service verifies it again
                    return chain.filter(clean);
                })
                .onErrorResume(InvalidToken.class,
                        e -> problems.write(clean, HttpStatus.UNAUTHORIZED, "TOKEN_INVALID", e.getMessage()));
    }

    private static String bearer(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** The verified caller of this exchange, if a token was presented (for rate-limit keys). */
    public static VerifiedCallerView callerOf(ServerWebExchange exchange) {
        Object caller = exchange.getAttribute(CALLER_ATTRIBUTE);
        return caller instanceof VerifiedCaller v ? new VerifiedCallerView(v.tenantId(), v.isStaff() ? "s" + v.staffId() : "m" + v.memberId()) : null;
    }

    /** What other gateway parts may know of the caller. */
    public record VerifiedCallerView(long tenantId, String client) {
    }
}
