package com.siyu.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes RFC 9457 problem details from gateway filters, in the same shape the services use. */
@Component
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:siyu:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setProperty("code", code);
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        return problem;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        return write(exchange.getResponse(), status, code, detail, exchange);
    }

    /** {@code exchange} may be null (where only the response is at hand): no instance or trace id then. */
    public Mono<Void> write(ServerHttpResponse response, HttpStatus status, String code, String detail, ServerWebExchange exchange) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        ProblemDetail problem = problem(status, code, detail, exchange == null ? null : exchange.getRequest().getPath().value());
        String traceId = exchange == null ? null : exchange.getRequest().getHeaders().getFirst("X-B3-TraceId");
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            body = ("{\"status\":" + status.value() + ",\"code\":\"" + code + "\"}").getBytes();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
