package com.siyu.common.openapi;

import com.siyu.common.autoconfigure.SiyuProperties;
import com.siyu.common.context.SiyuHeaders;
import com.siyu.common.security.SecuritySettings;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.util.AntPathMatcher;

/**
 * Makes each service's published OpenAPI document true to what the service does: the gateway as the
 * only server, internal operations left out, the bearer scheme on every operation that needs a token,
 * the Idempotency-Key header on every client write, problem+json on every error, operation ids and
 * summaries from the controllers, and request bodies closed ({@code additionalProperties: false}, as
 * the strict JSON reader enforces). The gateway merges the services' documents into one.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiContractConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    /** {@code PointsAdminController#adjust} → id {@code pointsAdminAdjust}, summary "Adjust (points admin)" unless annotated. */
    @Bean
    OperationCustomizer siyuOperationNames() {
        return (operation, handler) -> {
            String controller = handler.getBeanType().getSimpleName().replaceAll("Controller$", "");
            String method = handler.getMethod().getName();
            operation.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
                    + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                String words = words(method);
                operation.setSummary(Character.toUpperCase(words.charAt(0)) + words.substring(1) + " (" + words(controller) + ")");
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer siyuContract(SecuritySettings security, SiyuProperties siyu,
                                   @Value("${siyu.openapi.server-url:http://127.0.0.1:8080}") String serverUrl) {
        AntPathMatcher ant = new AntPathMatcher();
        return openApi -> {
            if (openApi.getPaths() != null) {
                openApi.getPaths().keySet().removeIf(path -> path.startsWith("/internal"));
            }
            openApi.setServers(List.of(new Server().url(serverUrl).description("the gateway (the only public entry)")));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("A member token (/api), a staff token (/admin), from the sign-in endpoints"));
            components.addSchemas(PROBLEM, problemSchema());
            Set<String> requestSchemas = new HashSet<>();
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean open = security.getPublicPaths().stream().anyMatch(p -> ant.match(p, path));
                operation.setSecurity(open ? List.of() : List.of(new SecurityRequirement().addList(BEARER)));
                boolean idempotent = WRITES.contains(method) && (path.startsWith("/api/") || path.startsWith("/admin/"))
                        && siyu.getIdempotency().getExemptPaths().stream().noneMatch(p -> ant.match(p, path));
                if (idempotent) {
                    addIdempotencyKey(operation);
                }
                concreteMediaTypes(operation);
                errorResponses(operation, WRITES.contains(method), open);
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().values().forEach(media -> {
                        if (media.getSchema() != null && media.getSchema().get$ref() != null) {
                            requestSchemas.add(media.getSchema().get$ref().replace("#/components/schemas/", ""));
                        }
                    });
                }
            }));
            if (components.getSchemas() != null) {
                requestSchemas.forEach(name -> {
                    Schema<?> schema = components.getSchemas().get(name);
                    if (schema != null && schema.getProperties() != null) {
                        schema.setAdditionalProperties(false);
                    }
                });
            }
        };
    }

    private static void addIdempotencyKey(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>() : new ArrayList<>(operation.getParameters());
        boolean present = parameters.stream().anyMatch(p -> SiyuHeaders.IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName()) && "header".equals(p.getIn()));
        if (!present) {
            parameters.add(new HeaderParameter().name(SiyuHeaders.IDEMPOTENCY_KEY).required(true)
                    .description("Makes the write safe to retry: the same key and body answer the first response again (Idempotency-Replayed: true)")
                    .schema(new StringSchema().minLength(8).maxLength(128).pattern("^[A-Za-z0-9._:\\-]{8,128}$")));
        }
        operation.setParameters(parameters);
    }

    private static void concreteMediaTypes(Operation operation) {
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> response.setContent(json(response.getContent())));
        }
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().setContent(json(operation.getRequestBody().getContent()));
        }
    }

    private static Content json(Content content) {
        if (content == null || !content.containsKey("*/*")) {
            return content;
        }
        Content fixed = new Content();
        content.forEach((type, media) -> fixed.addMediaType("*/*".equals(type) ? "application/json" : type, media));
        return fixed;
    }

    private static void errorResponses(Operation operation, boolean write, boolean open) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Invalid input (errors[] names the fields); nothing was changed");
        if (!open) {
            errors.put("401", "No valid bearer token");
            errors.put("403", "The token is of the wrong kind or lacks the role");
        }
        errors.put("404", "Not found for this caller's tenant");
        if (write) {
            errors.put("409", "Conflicts with the current state (or an Idempotency-Key still in progress)");
            errors.put("422", "Refused by a business rule (code says which)");
        }
        errors.put("503", "A service this request depends on is unavailable; nothing was changed");
        errors.forEach((status, description) -> {
            ApiResponse existing = responses.get(status);
            if (existing == null || existing.getContent() == null || existing.getContent().containsKey("*/*")) {
                responses.addApiResponse(status, new ApiResponse().description(existing == null || existing.getDescription() == null
                                ? description : existing.getDescription())
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        });
        operation.setResponses(responses);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details; code is stable, detail is for people")
                .addProperty("type", new StringSchema().example("urn:siyu:problem:points-insufficient"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().example("POINTS_INSUFFICIENT"))
                .addProperty("traceId", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError))
                .required(List.of("type", "title", "status", "code"));
    }

    static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
