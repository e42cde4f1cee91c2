package com.siyu.touchpoint.support.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class PushSignatureInvalid extends DomainException {

    public PushSignatureInvalid() {
        super(HttpStatus.UNAUTHORIZED, "WECHAT_SIGNATURE_INVALID", "The push's signature or encryption does not match the tenant's message push settings");
    }
}
