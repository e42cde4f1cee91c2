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
}
