package com.siyu.member.identity.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** WeChat refused what the client sent (expired/used code, bad phone payload): the client must try again. */
public class WeChatRejected extends DomainException {

    public WeChatRejected(String code, String detail, int weChatErrorCode) {
        super(HttpStatus.BAD_REQUEST, code, detail, Map.of("wechatErrcode", weChatErrorCode));
    }
}
