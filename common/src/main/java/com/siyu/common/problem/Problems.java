package com.siyu.common.problem;

import java.net.URI;
import java.util.Locale;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problem details every Siyu service answers with: type, title, status, detail, code, traceId. */
public final class Problems {

    public static final String CODE = "code";
    public static final String TRACE_ID = "traceId";
    public static final String ERRORS = "errors";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return enrich(problem, code);
    }

    /** Adds the stable code, a type derived from it, and the trace id (if not already there). */
    public static ProblemDetail enrich(ProblemDetail problem, String code) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey(CODE)) {
            problem.setProperty(CODE, code);
        }
        String effectiveCode = String.valueOf(problem.getProperties().get(CODE));
        if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            problem.setType(typeOf(effectiveCode));
        }
        String traceId = MDC.get("traceId");
        if (traceId != null && !problem.getProperties().containsKey(TRACE_ID)) {
            problem.setProperty(TRACE_ID, traceId);
        }
        return problem;
    }

    public static URI typeOf(String code) {
        return URI.create("urn:siyu:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** A stable code for a plain HTTP status, used for framework errors that carry no code of their own. */
    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 422 -> "UNPROCESSABLE";
            case 429 -> "TOO_MANY_REQUESTS";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "HTTP_" + status.value();
        };
    }
}
