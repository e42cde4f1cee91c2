package com.siyu.common.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.security.SecuritySettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One contract over every endpoint a service maps: identity headers alone (the old trust model), a
 * token signed by a key nobody trusts, and a token of the wrong kind are all refused with a problem —
 * 401 or 403 — before any controller runs. A service's test extends this with {@link ServiceIT}.
 */
public abstract class EveryEndpointVerifiesTheCaller {

    private static final String[] FORGED_IDENTITY = {"X-Tenant-Id", "1", "X-Member-Id", "1", "X-Staff-Id", "1",
            "X-Store-Id", "1", "X-Staff-Roles", "TENANT_ADMIN,OPERATOR,MANAGER,CASHIER,CUSTOMER_SERVICE,GUIDE"};

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    SecuritySettings security;
    @Autowired
    ObjectMapper json;

    private final HttpClient client = HttpClient.newHttpClient();
    private final AntPathMatcher ant = new AntPathMatcher();

    record Endpoint(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every mapped /api, /admin and /internal operation but the service's public ones, with path variables filled in. */
    List<Endpoint> endpoints() {
        Set<String> seen = new TreeSet<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> patterns = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                String path = pattern.replaceAll("\\{[^}]+}", "1");
                if (!(path.startsWith("/api/") || path.startsWith("/admin/") || path.startsWith("/internal/"))) {
                    continue;
                }
                if (security.getPublicPaths().stream().anyMatch(p -> ant.match(p, path))) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (seen.add(method + " " + path)) {
                        endpoints.add(new Endpoint(method.name(), path));
                    }
                }
            }
        }
        assertThat(endpoints).as("the service maps endpoints to check").isNotEmpty();
        return endpoints;
    }

    @TestFactory
    Stream<DynamicTest> identityHeadersWithoutATokenAreRefused() {
        return endpoints().stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () ->
                assertRefused(send(endpoint, null), 401, "TOKEN_REQUIRED", endpoint)));
    }

    @TestFactory
    Stream<DynamicTest> aTokenSignedByAnUntrustedKeyIsRefused() {
        return endpoints().stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () ->
                assertRefused(send(endpoint, TestTokens.rogue(1, 1)), 401, "TOKEN_INVALID", endpoint)));
    }

    @TestFactory
    Stream<DynamicTest> aTokenOfTheWrongKindIsForbidden() {
        return endpoints().stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
            String path = endpoint.path();
            String wrong = path.startsWith("/internal/platform/") ? TestTokens.service(1L)
                    : path.startsWith("/internal/") ? TestTokens.staff(1, 1, 1L, "TENANT_ADMIN")
                    : path.startsWith("/admin/") ? TestTokens.member(1, 1)
                    : TestTokens.staff(1, 1, 1L, "TENANT_ADMIN");
            assertRefused(send(endpoint, wrong), 403, "CALLER_NOT_ALLOWED", endpoint);
        }));
    }

    /** Requests Tomcat refuses before Spring sees them still answer problem+json (not Tomcat's HTML page). */
    @TestFactory
    Stream<DynamicTest> pathsTomcatRefusesAreProblems() {
        return Stream.of("/api/v1/a%2Fb", "/api/v1/a%00b", "/api/v1/a%zzb", "/api/v1/%").map(path -> DynamicTest.dynamicTest(path, () -> {
            String raw = rawGet(path);
            assertThat(raw).as(path).startsWith("HTTP/1.1 400");
            assertThat(raw.toLowerCase(java.util.Locale.ROOT)).as(path).contains("content-type: application/problem+json")
                    .doesNotContain("<html");
        }));
    }

    private String rawGet(String path) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> send(Endpoint endpoint, String token) throws IOException, InterruptedException {
        boolean hasBody = !endpoint.method().equals("GET") && !endpoint.method().equals("DELETE");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + endpoint.path()))
                .method(endpoint.method(), hasBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("Idempotency-Key", "contract-" + System.nanoTime())
                .headers(FORGED_IDENTITY);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefused(HttpResponse<String> response, int status, String code, Endpoint endpoint) throws IOException {
        assertThat(response.statusCode()).as(endpoint + " answered " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(endpoint.toString()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("code").asText()).as(endpoint.toString()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
    }
}
