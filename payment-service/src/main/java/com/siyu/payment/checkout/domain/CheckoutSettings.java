package com.siyu.payment.checkout.domain;

import java.time.Duration;

/** How long an unpaid payment waits before it is closed; the age past which a notification is refused. */
public record CheckoutSettings(Duration paymentTimeout, Duration notificationMaxAge) {
}
