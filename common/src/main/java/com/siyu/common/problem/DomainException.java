package com.siyu.common.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Base of every business rule violation. Named as a fact by subclasses ({@code PointsInsufficient});
 * becomes an RFC 9457 problem only at the edge, with the stable {@link #code()}.
 */
public class DomainException extends RuntimeException {

    private static final java.util.List<String> RESERVED = java.util.List.of("type", "title", "status", "detail", "instance", "code", "traceId");

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties;

    public DomainException(HttpStatus status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    public DomainException(HttpStatus status, String code, String detail, Map<String, Object> properties) {
        super(detail);
        for (String reserved : RESERVED) {
            if (properties.containsKey(reserved)) {
                throw new IllegalArgumentException("'" + reserved + "' is a member of every problem (RFC 9457); name the domain value otherwise");
            }
        }
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra problem members (e.g. the balance that was available). */
    public Map<String, Object> properties() {
        return properties;
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " " + id + " does not exist");
    }
}
