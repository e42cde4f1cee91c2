package com.siyu.member.identity.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

/** WeChat did not answer or failed on its side. */
public class WeChatUnavailable extends DomainException {

    public WeChatUnavailable(String detail) {
        super(HttpStatus.BAD_GATEWAY, "WECHAT_UNAVAILABLE", detail);
    }
}
