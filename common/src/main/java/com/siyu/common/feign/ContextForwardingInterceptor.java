package com.siyu.common.feign;

import com.siyu.common.context.CallerContext;
import com.siyu.common.context.SiyuHeaders;
import com.siyu.common.security.ServiceTokens;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Gives a call to another service the credential the callee verifies. {@code /internal/**} calls carry
 * a short-lived service token ({@code scope=internal}) for the current caller's tenant, the same for a
 * request, a job or an event consumer; any other call forwards the end user's own bearer token. No
 * identity header is sent: callees take identity from the token alone.
 */
public class ContextForwardingInterceptor implements RequestInterceptor {

    private final ServiceTokens serviceTokens;

    public ContextForwardingInterceptor(ServiceTokens serviceTokens) {
        this.serviceTokens = serviceTokens;
    }

    @Override
    public void apply(RequestTemplate template) {
        template.removeHeader(HttpHeaders.AUTHORIZATION);
        ServletRequestAttributes request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes : null;
        String path = template.path();
        if (path.startsWith("/internal/")) {
            template.header(HttpHeaders.AUTHORIZATION, "Bearer " + serviceTokens.tokenFor(CallerContext.current().tenantId()));
        } else if (request != null) {
            String authorization = request.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null) {
                template.header(HttpHeaders.AUTHORIZATION, authorization);
            }
        }
        if (request != null) {
            String requestId = request.getRequest().getHeader(SiyuHeaders.REQUEST_ID);
            if (requestId != null) {
                template.header(SiyuHeaders.REQUEST_ID, requestId);
            }
        }
    }
}
