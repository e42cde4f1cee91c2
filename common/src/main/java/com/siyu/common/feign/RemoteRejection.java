package com.siyu.common.feign;

/** A 4xx answer from another service: the request was refused on its merits, the service is healthy. */
public class RemoteRejection extends RemoteProblem {

    public RemoteRejection(int status, String code, String detail, String methodKey) {
        super(status, code, detail, methodKey);
    }
}
