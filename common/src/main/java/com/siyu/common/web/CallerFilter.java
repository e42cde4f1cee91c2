package com.siyu.common.web;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.security.CallerTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Establishes the {@link Caller} from the token Spring Security verified (never from a header), and
 * clears it when the request is done. Runs inside the security filter chain, after authentication.
 */
public class CallerFilter extends OncePerRequestFilter {

    static final String MDC_TENANT = "tenantId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = authentication instanceof JwtAuthenticationToken jwt ? CallerTokens.caller(jwt.getToken()) : Caller.ANONYMOUS;
        CallerContext.set(caller);
        if (caller.tenantId() != null) {
            MDC.put(MDC_TENANT, caller.tenantId().toString());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            CallerContext.clear();
            MDC.remove(MDC_TENANT);
        }
    }
}
