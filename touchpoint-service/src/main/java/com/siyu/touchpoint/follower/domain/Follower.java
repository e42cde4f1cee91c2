package com.siyu.touchpoint.follower.domain;

import java.time.Duration;
import java.time.Instant;

/** A follower of the tenant's official account, as its message push told us. */
public record Follower(String openId, Long memberId, boolean subscribed, Instant subscribedAt, Instant lastInteractionAt) {

    /** WeChat's customer-service window: 48 hours after the follower's last message, menu click, scan or follow. */
    public static final Duration WINDOW = Duration.ofHours(48);

    /** Whether the account may still answer with a customer-service message at {@code now}. */
    public boolean inWindow(Instant now) {
        return subscribed && lastInteractionAt.plus(WINDOW).isAfter(now);
    }
}
