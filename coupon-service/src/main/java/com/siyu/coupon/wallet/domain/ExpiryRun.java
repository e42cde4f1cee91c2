package com.siyu.coupon.wallet.domain;

import java.time.Instant;

public record ExpiryRun(Instant asOf, int tenants, int expired, int reminded) {
}
