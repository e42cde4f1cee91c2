package com.siyu.guide.wecom.api;

import com.siyu.common.context.CallerContext;
import com.siyu.guide.wecom.domain.WecomMessages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Messages other services send to a member through their bound guide on WeCom (service to service). */
@RestController
class WecomMessageController {

    private final WecomMessages messages;

    WecomMessageController(WecomMessages messages) {
        this.messages = messages;
    }

    /** key: the caller's, the same for a retry (the task is made once). */
    record MessageRequest(@NotNull @Positive Long memberId, @NotBlank @Size(max = 1000) String text,
                          @NotNull @Pattern(regexp = "[A-Za-z0-9._:@\\-]{1,100}") String key) {
    }

    /** 200 with SENT (WeCom's task msgid), NO_GUIDE, NO_CONTACT, NOT_CONFIGURED or REJECTED (WeCom's errcode); 503 WECOM_UNAVAILABLE. */
    @PostMapping("/internal/guide/wecom/messages")
    WecomMessages.Result send(@Valid @RequestBody MessageRequest r) {
        CallerContext.requireTenant();
        return messages.send(r.memberId(), r.text(), r.key());
    }
}
