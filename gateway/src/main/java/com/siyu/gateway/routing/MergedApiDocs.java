package com.siyu.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.siyu.gateway.GatewayProperties;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one OpenAPI document of the platform ({@code GET /v3/api-docs/siyu}): every area's document
 * (already true to its service: gateway server, no internal operations, bearer scheme, problem
 * responses) merged into one. A schema name two services use for different shapes is prefixed with
 * its area, references rewritten; identical ones (the shared Problem) are kept once.
 */
@RestController
class MergedApiDocs {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MergedApiDocs.class);

    private final WebClient services;
    private final List<String> areas;
    private final ObjectMapper json;

    MergedApiDocs(WebClient.Builder loadBalanced, GatewayProperties properties, ObjectMapper json) {
        this.services = loadBalanced.build();
        this.areas = List.copyOf(properties.areas());
        this.json = json;
    }

    @GetMapping(path = "/v3/api-docs/siyu", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<JsonNode> merged() {
        return Flux.fromIterable(areas)
                .concatMap(area -> services.get().uri("http://" + area + "-service/v3/api-docs").retrieve().bodyToMono(JsonNode.class)
                        .timeout(Duration.ofSeconds(10))
                        .map(doc -> Map.entry(area, doc))
                        // an area that cannot answer is left out of this answer (and named in the description)
                        .onErrorResume(e -> {
                            log.warn("OpenAPI of {}-service unavailable: {}", area, e.toString());
                            return Mono.just(Map.entry(area, (JsonNode) json.createObjectNode().put("x-unavailable", true)));
                        }))
                .collectList()
                .map(this::merge);
    }

    JsonNode merge(List<Map.Entry<String, JsonNode>> documents) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", documents.stream().map(d -> d.getValue().path("openapi").asText(null)).filter(java.util.Objects::nonNull)
                .findFirst().orElse("3.0.1"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "Siyu private-domain operations API");
        info.put("version", "v1");
        info.put("description", "Every shopper (/api) and staff (/admin) operation, through the gateway. Errors are RFC 9457 problem+json.");
        info.putObject("license").put("name", "Proprietary").put("url", "https://siyu.example/license");
        ArrayNode servers = merged.putArray("servers");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = json.createObjectNode();
        ObjectNode securitySchemes = json.createObjectNode();
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        List<String> missing = documents.stream().filter(d -> d.getValue().has("x-unavailable")).map(Map.Entry::getKey).toList();
        if (!missing.isEmpty()) {
            info.put("description", info.path("description").asText() + " Left out of this answer (not reachable just now): "
                    + String.join(", ", missing) + ".");
        }
        for (Map.Entry<String, JsonNode> entry : documents) {
            String area = entry.getKey();
            JsonNode doc = entry.getValue();
            if (doc.has("x-unavailable")) {
                continue;
            }
            Map<String, String> renames = new LinkedHashMap<>();
            doc.path("components").path("schemas").fields().forEachRemaining(schema -> {
                JsonNode taken = schemas.get(schema.getKey());
                if (taken != null && !taken.equals(schema.getValue())) {
                    renames.put(schema.getKey(), Character.toUpperCase(area.charAt(0)) + area.substring(1) + schema.getKey());
                }
            });
            JsonNode renamed = renames.isEmpty() ? doc : rewriteRefs(doc.deepCopy(), renames);
            renamed.path("components").path("schemas").fields()
                    .forEachRemaining(schema -> schemas.set(renames.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue()));
            renamed.path("components").path("securitySchemes").fields().forEachRemaining(s -> securitySchemes.set(s.getKey(), s.getValue()));
            renamed.path("paths").fields().forEachRemaining(path -> paths.set(path.getKey(), path.getValue()));
            renamed.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
            if (servers.isEmpty()) {
                renamed.path("servers").forEach(servers::add);
            }
        }
        if (!tags.isEmpty()) {
            ArrayNode tagArray = merged.putArray("tags");
            tags.values().forEach(tagArray::add);
        }
        ObjectNode components = merged.putObject("components");
        components.set("schemas", reachable(paths, schemas));
        components.set("securitySchemes", securitySchemes);
        return merged;
    }

    /** Only the schemas the published operations use (the services' internal operations are not published, nor their bodies). */
    private ObjectNode reachable(JsonNode paths, ObjectNode schemas) {
        java.util.Set<String> used = new java.util.LinkedHashSet<>();
        java.util.Deque<JsonNode> todo = new java.util.ArrayDeque<>(List.of(paths));
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isObject()) {
                JsonNode ref = node.get("$ref");
                if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/schemas/")) {
                    String name = ref.asText().substring("#/components/schemas/".length());
                    if (used.add(name) && schemas.has(name)) {
                        todo.push(schemas.get(name));
                    }
                }
                node.elements().forEachRemaining(todo::push);
            } else if (node.isArray()) {
                node.elements().forEachRemaining(todo::push);
            }
        }
        ObjectNode kept = json.createObjectNode();
        schemas.fields().forEachRemaining(schema -> {
            if (used.contains(schema.getKey())) {
                kept.set(schema.getKey(), schema.getValue());
            }
        });
        return kept;
    }

    private static JsonNode rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    String ref = field.getValue().asText();
                    String name = ref.substring(ref.lastIndexOf('/') + 1);
                    if (ref.startsWith("#/components/schemas/") && renames.containsKey(name)) {
                        field.setValue(new TextNode("#/components/schemas/" + renames.get(name)));
                    }
                } else {
                    rewriteRefs(field.getValue(), renames);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
        return node;
    }
}
