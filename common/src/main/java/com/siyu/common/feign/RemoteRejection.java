package com.siyu.common.feign;

/** A 4xx answer from another service: the request was refused on its merits, the service is healthy. */
public class RemoteRejection extends RemoteProblem {

    public RemoteRejection(int status, String code, String detail, String methodKey) {
        super(status, code, detail, methodKey);
    }

    /**
     * The rejection behind a failed call, if that is what failed: the Feign client throws it, but a circuit
     * breaker (or another wrapper) may have wrapped it, so the causes are searched.
     */
    public static java.util.Optional<RemoteRejection> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RemoteRejection rejection) {
                return java.util.Optional.of(rejection);
            }
        }
        return java.util.Optional.empty();
    }
}
