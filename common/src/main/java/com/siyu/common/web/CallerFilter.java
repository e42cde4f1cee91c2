package com.siyu.common.web;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.context.SiyuHeaders;
import com.siyu.common.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Establishes the {@link Caller} from the identity headers the gateway set (after verifying the
 * token and dropping anything the client sent), and clears it when the request is done.
 */
public class CallerFilter extends OncePerRequestFilter {

    static final String MDC_TENANT = "tenantId";

    private final ProblemWriter problems;

    public CallerFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller;
        try {
            caller = new Caller(
                    id(request, SiyuHeaders.TENANT_ID),
                    id(request, SiyuHeaders.MEMBER_ID),
                    id(request, SiyuHeaders.STAFF_ID),
                    id(request, SiyuHeaders.STORE_ID),
                    roles(request.getHeader(SiyuHeaders.STAFF_ROLES)));
        } catch (IllegalArgumentException e) {
            problems.write(response, HttpStatus.BAD_REQUEST, "MALFORMED_IDENTITY_HEADER", e.getMessage());
            return;
        }
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

    private static Long id(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(header + " must be a positive integer id");
        }
    }

    private static Set<String> roles(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .filter(role -> !role.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
