package com.siyu.touchpoint.support.api;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.touchpoint.support.domain.CustomerService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The URL set as the mini-program's message push (消息推送, safe mode, XML): anonymous, every call checked against the
 * tenant's Token and EncodingAESKey; "success" once a message is applied or known, so WeChat stops redelivering.
 */
@RestController
class WeChatPushController {

    private final CustomerService service;

    WeChatPushController(CustomerService service) {
        this.service = service;
    }

    @GetMapping(path = "/api/v1/touchpoint/wechat/messages/{tenantId}", produces = MediaType.TEXT_PLAIN_VALUE)
    String verify(@PathVariable long tenantId, @RequestParam String signature, @RequestParam String timestamp, @RequestParam String nonce,
                  @RequestParam String echostr) {
        return CallerContext.callAs(Caller.system(tenantId), () -> service.verifyUrl(signature, timestamp, nonce, echostr));
    }

    @PostMapping(path = "/api/v1/touchpoint/wechat/messages/{tenantId}", produces = MediaType.TEXT_PLAIN_VALUE)
    String receive(@PathVariable long tenantId, @RequestParam String signature, @RequestParam("msg_signature") String msgSignature,
                   @RequestParam String timestamp, @RequestParam String nonce, @RequestBody String body) {
        CallerContext.callAs(Caller.system(tenantId), () -> service.receive(signature, msgSignature, timestamp, nonce, body));
        return "success";
    }
}
