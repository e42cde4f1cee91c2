package com.siyu.touchpoint.campaign.domain;

import java.util.List;
import java.util.Map;

/**
 * How a campaign went, per arm: sends made, how many are queued, sent (per channel), skipped and failed (per reason),
 * deferred at least once (per reason: quiet hours, a cap), taken by a fallback channel, coupons granted, sends clicked,
 * payments credited to it and their GMV (paid minus refunded, fen).
 */
public record CampaignReport(Campaign campaign, List<Arm> arms) {

    public record Arm(String arm, long sends, long queued, long sent, Map<String, Long> sentBy, Map<String, Long> skippedBy,
                      Map<String, Long> failedBy, Map<String, Long> deferredBy, long fellBack, long couponsGranted, long clicked,
                      long converted, long attributedFen) {
    }
}
