package com.siyu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The published contract (issue 10 §7): the gateway's merged OpenAPI document is true to the suite and
 * passes a real linter (Redocly CLI from npm, its recommended rules) with zero errors.
 */
@ExtendWith(RunningSuite.class)
class OpenApiContractIT {

    private static final String REDOCLY = "@redocly/cli@2.77.0";
    /** Writes that take no Idempotency-Key: sign-in and token calls, the quote (a read), WeChat Pay's notifications. */
    private static final List<String> NO_KEY = List.of("/api/v1/member/staff-sessions", "/api/v1/member/mini-program-sessions",
            "/api/v1/member/token-refreshes", "/api/v1/member/session-revocations", "/api/v1/payment/quotes", "/api/v1/payment/notifications/",
            // WeCom callbacks: deduplicated by their content (WeCom sends no key)
            "/api/v1/guide/wecom/callbacks/",
            // the mini-program's message push (applied once by WeChat's MsgId) and the official account's (its times only move forward):
            // WeChat sends no key
            "/api/v1/touchpoint/wechat/messages/");

    private final Gateway gateway = new Gateway(RunningSuite.GATEWAY);

    @Test
    void theMergedDocumentIsTrueToTheSuite() {
        JsonNode doc = document();
        assertThat(doc.path("servers").get(0).path("url").asText()).isEqualTo(RunningSuite.GATEWAY);
        assertThat(doc.path("components").path("securitySchemes").path("bearer").path("scheme").asText()).isEqualTo("bearer");
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var path : iterable(doc.path("paths").fields())) {
            String url = path.getKey();
            if (url.startsWith("/internal")) {
                problems.add(url + " is internal and must not be published");
            }
            for (var op : iterable(path.getValue().fields())) {
                String method = op.getKey();
                JsonNode operation = op.getValue();
                operations++;
                String id = operation.path("operationId").asText("");
                if (id.isEmpty() || id.matches(".*_\\d+$") || !ids.add(id)) {
                    problems.add(method + " " + url + " has the operation id '" + id + "'");
                }
                if (operation.path("summary").asText("").isBlank()) {
                    problems.add(method + " " + url + " has no summary");
                }
                boolean write = Set.of("post", "put", "patch", "delete").contains(method);
                boolean keyed = false;
                for (JsonNode parameter : operation.path("parameters")) {
                    keyed |= "header".equals(parameter.path("in").asText()) && "Idempotency-Key".equals(parameter.path("name").asText());
                }
                if (write && !keyed && NO_KEY.stream().noneMatch(url::startsWith)) {
                    problems.add(method + " " + url + " does not document its Idempotency-Key");
                }
                if (operation.toString().contains("\"*/*\"")) {
                    problems.add(method + " " + url + " has a */* media type");
                }
                for (var response : iterable(operation.path("responses").fields())) {
                    if (response.getKey().startsWith("4") && !response.getValue().path("content").has("application/problem+json")) {
                        problems.add(method + " " + url + " " + response.getKey() + " is not problem+json");
                    }
                }
            }
        }
        assertThat(operations).as("operations published").isGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    @Test
    void theMergedDocumentPassesRedoclyWithZeroErrors() throws Exception {
        Path dir = RunningSuite.repo().resolve("e2e").resolve("target").resolve("openapi");
        Files.createDirectories(dir);
        Path file = dir.resolve("siyu-openapi.json");
        Files.writeString(file, Gateway.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document()));
        Path report = dir.resolve("redocly-lint.txt");
        Process lint = new ProcessBuilder("npm", "exec", "--yes", "--package=" + REDOCLY, "--", "redocly", "lint", file.toString(),
                "--format=stylish")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(report.toFile()).start();
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).as("redocly finished").isTrue();
        String output = Files.readString(report);
        System.out.println(output);
        assertThat(lint.exitValue()).as("redocly lint (errors fail it; warnings do not):\n" + output).isZero();
    }

    private JsonNode document() {
        Gateway.Response response = gateway.get("/v3/api-docs/siyu", null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
