package com.siyu.guide.wecom.api;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.guide.wecom.domain.WecomCallbacks;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The callback URL a tenant saves in its WeCom admin console (客户联系 → API → 接收事件服务器):
 * {@code https://<gateway>/api/v1/guide/wecom/callbacks/<tenantId>}. No bearer token: every request is checked
 * against that tenant's corp token (msg_signature) and decrypted with its EncodingAESKey, else 401 and nothing changes.
 */
@RestController
class WecomCallbackController {

    private final WecomCallbacks callbacks;

    WecomCallbackController(WecomCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** WeCom's URL check when the callback URL is saved: answers the decrypted echostr as plain text. */
    @GetMapping(path = "/api/v1/guide/wecom/callbacks/{tenantId}", produces = MediaType.TEXT_PLAIN_VALUE)
    String verify(@PathVariable long tenantId, @RequestParam("msg_signature") String signature, @RequestParam String timestamp,
                  @RequestParam String nonce, @RequestParam String echostr) {
        return CallerContext.callAs(Caller.system(tenantId), () -> callbacks.verifyUrl(signature, timestamp, nonce, echostr));
    }

    /** An event: "success" once applied (or recognised as a redelivery); an error makes WeCom deliver it again. */
    @PostMapping(path = "/api/v1/guide/wecom/callbacks/{tenantId}", produces = MediaType.TEXT_PLAIN_VALUE)
    String receive(@PathVariable long tenantId, @RequestParam("msg_signature") String signature, @RequestParam String timestamp,
                   @RequestParam String nonce, @RequestBody String body) {
        CallerContext.callAs(Caller.system(tenantId), () -> callbacks.receive(signature, timestamp, nonce, body));
        return "success";
    }
}
