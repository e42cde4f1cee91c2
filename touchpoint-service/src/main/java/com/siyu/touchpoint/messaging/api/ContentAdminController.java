package com.siyu.touchpoint.messaging.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.touchpoint.messaging.domain.Messaging;
import com.siyu.touchpoint.messaging.domain.SmsAccount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's SMS provider account (secret sealed, never shown) and its sensitive words (checked before any send). */
@RestController
@Validated
class ContentAdminController {

    private final Messaging messaging;

    ContentAdminController(Messaging messaging) {
        this.messaging = messaging;
    }

    /** Aliyun 短信服务: an AccessKey pair with SendSms permission and an approved signature (签名). */
    record SmsAccountRequest(@NotNull @Pattern(regexp = "ALIYUN", message = "must be ALIYUN (the provider implemented)") String provider,
                             @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9]+") String accessKeyId,
                             @NotBlank @Size(max = 128) String accessKeySecret, @NotBlank @Size(max = 32) String signName) {
    }

    @PutMapping("/admin/v1/touchpoint/sms-account")
    Messaging.SmsAccountView setSmsAccount(@Valid @RequestBody SmsAccountRequest r) {
        StaffOnly.require("TENANT_ADMIN");
        return messaging.setSmsAccount(new SmsAccount(r.provider(), r.accessKeyId(), r.accessKeySecret(), r.signName()));
    }

    @GetMapping("/admin/v1/touchpoint/sms-account")
    Messaging.SmsAccountView smsAccount() {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return messaging.smsAccount();
    }

    /** The official account (公众号) template messages go out from: its AppID and AppSecret (sealed, never shown). */
    record OfficialAccountRequest(@NotBlank @Pattern(regexp = "wx[0-9a-zA-Z]{6,30}") String appId, @NotBlank @Size(max = 128) String appSecret) {
    }

    @PutMapping("/admin/v1/touchpoint/official-account")
    Messaging.MpAccountView setOfficialAccount(@Valid @RequestBody OfficialAccountRequest r) {
        StaffOnly.require("TENANT_ADMIN");
        return messaging.setMpAccount(new com.siyu.touchpoint.messaging.domain.MpAccount(r.appId(), r.appSecret()));
    }

    @GetMapping("/admin/v1/touchpoint/official-account")
    Messaging.MpAccountView officialAccount() {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return messaging.mpAccount();
    }

    record WordsRequest(@NotNull @Size(min = 1, max = 500) List<@NotBlank @Size(max = 32) String> words) {
    }

    @GetMapping("/admin/v1/touchpoint/sensitive-words")
    Map<String, List<String>> words() {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return Map.of("words", messaging.sensitiveWords());
    }

    @PostMapping("/admin/v1/touchpoint/sensitive-words")
    Map<String, List<String>> addWords(@Valid @RequestBody WordsRequest r) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return Map.of("words", messaging.addSensitiveWords(r.words()));
    }

    @DeleteMapping("/admin/v1/touchpoint/sensitive-words/{word}")
    Map<String, List<String>> removeWord(@PathVariable @Size(max = 32) String word) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return Map.of("words", messaging.removeSensitiveWord(word));
    }
}
