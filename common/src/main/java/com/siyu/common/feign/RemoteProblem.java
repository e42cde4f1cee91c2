package com.siyu.common.feign;

/**
 * Another Siyu service answered with an error. Subclass {@link RemoteRejection} is a 4xx business
 * rejection (not a failure for circuit breakers); this class itself stands for 5xx and unreadable answers.
 */
public class RemoteProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String detail;
    private final String methodKey;

    public RemoteProblem(int status, String code, String detail, String methodKey) {
        super(methodKey + " answered " + status + " " + code + ": " + detail);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.methodKey = methodKey;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public String methodKey() {
        return methodKey;
    }

    /**
     * What went wrong in a failed call, for a log line: a circuit breaker's "No fallback available" says
     * nothing, so each wrapper's message is followed down to the innermost cause (an open breaker, a
     * timeout, the other service's answer).
     */
    public static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!reason.isEmpty()) {
                reason.append(" <- ");
            }
            reason.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                reason.append(": ").append(t.getMessage());
            }
        }
        return reason.toString();
    }
}
