package com.siyu.touchpoint.campaign.domain;

import java.util.List;
import java.util.Map;

/**
 * How a campaign went, per arm: sends made, how many are queued, sent (per channel), skipped and failed (per reason),
 * deferred at least once (per reason: quiet hours, a cap), taken by a fallback channel, coupons granted, sends clicked,
 * payments credited to it and their GMV (paid minus refunded, fen), and the return on its coupons: how many were used,
 * what they took off (fen) and the mall's part of that (the rest the merchants funded). In all: the attributed GMV per
 * fen the mall spent on the campaign's coupons (null when it spent none).
 */
public record CampaignReport(Campaign campaign, List<Arm> arms, long attributedFen, long couponMallFen, Double gmvPerMallFen) {

    public CampaignReport(Campaign campaign, List<Arm> arms) {
        this(campaign, arms, arms.stream().mapToLong(Arm::attributedFen).sum(), arms.stream().mapToLong(Arm::couponMallFen).sum(),
                ratio(arms.stream().mapToLong(Arm::attributedFen).sum(), arms.stream().mapToLong(Arm::couponMallFen).sum()));
    }

    private static Double ratio(long gmv, long cost) {
        return cost == 0 ? null : Math.round(gmv * 100.0 / cost) / 100.0;
    }

    public record Arm(String arm, long sends, long queued, long sent, Map<String, Long> sentBy, Map<String, Long> skippedBy,
                      Map<String, Long> failedBy, Map<String, Long> deferredBy, long fellBack, long couponsGranted, long clicked,
                      long converted, long attributedFen, long couponsUsed, long couponDiscountFen, long couponMallFen) {
    }
}
