package com.siyu.touchpoint.follower.api;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.web.StaffOnly;
import com.siyu.touchpoint.follower.domain.Followers;
import com.siyu.touchpoint.follower.domain.MpPushAccount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The URL set as the official account's server (服务器配置, safe mode, XML): anonymous, every call checked against the
 * tenant's Token and EncodingAESKey; "success" once applied, so WeChat stops redelivering. And its settings.
 */
@RestController
@Validated
class OfficialAccountPushController {

    private final Followers followers;

    OfficialAccountPushController(Followers followers) {
        this.followers = followers;
    }

    @GetMapping(path = "/api/v1/touchpoint/wechat/messages/{tenantId}/official-account", produces = MediaType.TEXT_PLAIN_VALUE)
    String verify(@PathVariable long tenantId, @RequestParam String signature, @RequestParam String timestamp, @RequestParam String nonce,
                  @RequestParam String echostr) {
        return CallerContext.callAs(Caller.system(tenantId), () -> followers.verifyUrl(signature, timestamp, nonce, echostr));
    }

    @PostMapping(path = "/api/v1/touchpoint/wechat/messages/{tenantId}/official-account", produces = MediaType.TEXT_PLAIN_VALUE)
    String receive(@PathVariable long tenantId, @RequestParam String signature, @RequestParam("msg_signature") String msgSignature,
                   @RequestParam String timestamp, @RequestParam String nonce, @RequestBody String body) {
        CallerContext.runAs(Caller.system(tenantId), () -> followers.receive(signature, msgSignature, timestamp, nonce, body));
        return "success";
    }

    /** WeChat's rules: a Token of 3-32 letters and digits, an EncodingAESKey of 43. */
    record PushRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9]{3,32}") String token, @NotBlank @Pattern(regexp = "[A-Za-z0-9]{43}") String encodingAesKey) {
    }

    /** The official account's message push settings (sealed at rest, never shown again); the URL to give WeChat. */
    @PutMapping("/admin/v1/touchpoint/official-account/push")
    Map<String, Object> setPush(@Valid @RequestBody PushRequest r) {
        Caller admin = StaffOnly.require("TENANT_ADMIN");
        followers.setPushAccount(new MpPushAccount(r.token(), r.encodingAesKey()));
        return Map.of("configured", true, "path", "/api/v1/touchpoint/wechat/messages/" + admin.tenantId() + "/official-account");
    }
}
