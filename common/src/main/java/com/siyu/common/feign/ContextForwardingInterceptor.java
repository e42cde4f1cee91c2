package com.siyu.common.feign;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.context.SiyuHeaders;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Forwards who is calling to the service being called: the tenant and identity headers from the
 * {@link CallerContext} (so jobs and async tasks forward too) and the original Authorization header.
 */
public class ContextForwardingInterceptor implements RequestInterceptor {

    @Override
    public void apply(RequestTemplate template) {
        Caller caller = CallerContext.current();
        put(template, SiyuHeaders.TENANT_ID, caller.tenantId());
        put(template, SiyuHeaders.MEMBER_ID, caller.memberId());
        put(template, SiyuHeaders.STAFF_ID, caller.staffId());
        put(template, SiyuHeaders.STORE_ID, caller.storeId());
        if (!caller.roles().isEmpty()) {
            template.header(SiyuHeaders.STAFF_ROLES, String.join(",", caller.roles()));
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String authorization = attributes.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null) {
                template.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            String requestId = attributes.getRequest().getHeader(SiyuHeaders.REQUEST_ID);
            if (requestId != null) {
                template.header(SiyuHeaders.REQUEST_ID, requestId);
            }
        }
    }

    private static void put(RequestTemplate template, String header, Long value) {
        template.removeHeader(header);
        if (value != null) {
            template.header(header, value.toString());
        }
    }
}
