package com.siyu.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Gateway errors (no route, no instance, bad request line) as problem details instead of Boot's default JSON. */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemResponses problems;

    GatewayErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ResponseStatusException status) {
            HttpStatusCode code = status.getStatusCode();
            HttpStatus resolved = HttpStatus.resolve(code.value());
            if (resolved == null) {
                resolved = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            return switch (resolved) {
                case NOT_FOUND -> problems.write(exchange, resolved, "NOT_FOUND", "No such endpoint");
                case SERVICE_UNAVAILABLE -> problems.write(exchange, resolved, "UPSTREAM_UNAVAILABLE",
                        "The service for this path is not available right now; try again shortly");
                case GATEWAY_TIMEOUT -> problems.write(exchange, resolved, "UPSTREAM_TIMEOUT",
                        "The service did not answer in time. A write may still complete: retry it with the same Idempotency-Key");
                default -> problems.write(exchange, resolved, resolved.is4xxClientError() ? "BAD_REQUEST" : "GATEWAY_ERROR",
                        status.getReason() == null ? resolved.getReasonPhrase() : status.getReason());
            };
        }
        log.error("Unexpected gateway error on {}", exchange.getRequest().getPath(), error);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "GATEWAY_ERROR",
                "Something went wrong in the gateway; nothing was forwarded");
    }
}
