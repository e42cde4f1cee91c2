package com.siyu.touchpoint.messaging.domain;

import java.util.Map;
import java.util.Set;

/**
 * A send an operator only tweaks (半自动化): which subscription template, which page it opens and how its fields are
 * filled from the event's variables ({@code {amount}} and the like).
 */
public record Preset(Kind kind, boolean enabled, String templateId, String page, Map<String, String> fields) {

    /**
     * POST_PAYMENT: a thank-you after a paid cashier payment; {amount} (what was paid, ¥), {paidAt} (the mall's local
     * time), {paymentNo}. COUPON_EXPIRY: a coupon of the member's is about to expire (coupon-service's CouponExpiring);
     * {coupon} (its name), {validTo} (local time), {daysLeft}. ACTIVITY_REMINDER: before a mall activity the member
     * reserved; {activity}, {startsAt} (local time), {place}. GUIDE_BOUND: the member now has an exclusive guide
     * (guide-service's GuideBound); {guide} (the guide's name). POINTS_EXPIRY: points of the member's are about to
     * expire (points-service's points.expiring, sent the policy's reminder days ahead); {points} (how many),
     * {lastDay} (the first lot's last day, yyyy-MM-dd), {daysLeft}.
     */
    public enum Kind {
        POST_PAYMENT(Set.of("amount", "paidAt", "paymentNo")),
        COUPON_EXPIRY(Set.of("coupon", "validTo", "daysLeft")),
        ACTIVITY_REMINDER(Set.of("activity", "startsAt", "place")),
        GUIDE_BOUND(Set.of("guide")),
        POINTS_EXPIRY(Set.of("points", "lastDay", "daysLeft"));

        private final Set<String> variables;

        Kind(Set<String> variables) {
            this.variables = variables;
        }

        public Set<String> variables() {
            return variables;
        }
    }
}
