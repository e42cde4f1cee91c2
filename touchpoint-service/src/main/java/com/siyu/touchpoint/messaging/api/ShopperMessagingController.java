package com.siyu.touchpoint.messaging.api;

import com.siyu.common.web.MemberOnly;
import com.siyu.touchpoint.messaging.domain.Channel;
import com.siyu.touchpoint.messaging.domain.Messaging;
import com.siyu.touchpoint.messaging.domain.MessagingRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/** The shopper's own consent: subscription taps (one send each) and unsubscribes per channel. */
@RestController
@Validated
class ShopperMessagingController {

    private final Messaging messaging;
    private final com.siyu.touchpoint.messaging.domain.Attribution attribution;

    ShopperMessagingController(Messaging messaging, com.siyu.touchpoint.messaging.domain.Attribution attribution) {
        this.messaging = messaging;
        this.attribution = attribution;
    }

    record ClickRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9_-]{22}") String token) {
    }

    /** The mini-program opened a page with {@code tp=<token>} (a message's): the click counts for the signed-in shopper. */
    @PostMapping("/api/v1/touchpoint/clicks")
    com.siyu.touchpoint.messaging.domain.Attribution.Click clicked(@Valid @RequestBody ClickRequest request) {
        return attribution.clicked(MemberOnly.require(), request.token());
    }

    /** {@code results}: wx.requestSubscribeMessage's answer as is, template id → accept / reject / ban / filter. */
    record SubscriptionRequest(@NotNull @Size(min = 1, max = 20) Map<@Size(min = 1, max = 64) String, @NotNull String> results) {
    }

    record Consent(List<MessagingRepository.Quota> quotas, List<Channel> unsubscribed) {
    }

    @PostMapping("/api/v1/touchpoint/subscriptions")
    Consent subscribed(@Valid @RequestBody SubscriptionRequest request) {
        long member = MemberOnly.require();
        return new Consent(messaging.subscribed(member, request.results()), messaging.unsubscribed(member));
    }

    @GetMapping("/api/v1/touchpoint/subscriptions")
    Consent consent() {
        long member = MemberOnly.require();
        return new Consent(messaging.quotas(member), messaging.unsubscribed(member));
    }

    @PutMapping("/api/v1/touchpoint/unsubscribes/{channel}")
    Consent unsubscribe(@PathVariable Channel channel) {
        long member = MemberOnly.require();
        return new Consent(messaging.quotas(member), messaging.unsubscribe(member, channel));
    }

    @DeleteMapping("/api/v1/touchpoint/unsubscribes/{channel}")
    Consent resubscribe(@PathVariable Channel channel) {
        long member = MemberOnly.require();
        return new Consent(messaging.quotas(member), messaging.resubscribe(member, channel));
    }
}
