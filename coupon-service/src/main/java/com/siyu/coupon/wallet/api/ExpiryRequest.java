package com.siyu.coupon.wallet.api;

import java.time.Instant;

/** Run the expiry/reminder job as of an instant (now when absent). */
public record ExpiryRequest(Instant asOf) {
}
