package com.siyu.common.security;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

/** The token service could not give this service a token: the call it was for cannot be made now. */
public class ServiceTokenUnavailable extends DomainException {

    public ServiceTokenUnavailable(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE", detail);
        initCause(cause);
    }
}
