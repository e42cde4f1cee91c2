package com.siyu.touchpoint.messaging.domain;

import java.util.Optional;

/** coupon-service's grant of a campaign coupon at send time (infra: Feign), keyed so a retried send gets the same coupon. */
public interface CampaignCoupons {

    /** The granted coupon's id; empty when coupon-service refuses (out of stock, template not active); throws when it cannot be asked. */
    Optional<Long> grant(long templateId, long memberId, String key);
}
