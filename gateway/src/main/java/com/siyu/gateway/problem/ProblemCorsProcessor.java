package com.siyu.gateway.problem;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * A cross-origin request the CORS policy refuses answers problem+json (403 {@code CORS_REJECTED}) like
 * every other refusal, instead of Spring's plain-text "Invalid CORS request".
 */
@Component
class ProblemCorsProcessor extends DefaultCorsProcessor implements BeanPostProcessor {

    private final ObjectProvider<ProblemResponses> problems;

    ProblemCorsProcessor(ObjectProvider<ProblemResponses> problems) {
        this.problems = problems;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) {
        // the handler mapping answers with a no-op handler right after: the body is written here
        problems.getObject().write(response, HttpStatus.FORBIDDEN, "CORS_REJECTED",
                "This origin, method or header is not allowed by the platform's CORS policy", null).subscribe();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
        if (bean instanceof RoutePredicateHandlerMapping mapping) {
            mapping.setCorsProcessor(this);
        }
        return bean;
    }
}
