package com.siyu.guide.wecom.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

/** A callback whose msg_signature does not match the corp's token, or that does not decrypt with its key. */
public class WecomSignatureInvalid extends DomainException {

    public WecomSignatureInvalid() {
        super(HttpStatus.UNAUTHORIZED, "WECOM_SIGNATURE_INVALID", "The callback's msg_signature or encryption does not match the tenant's WeCom corp");
    }
}
