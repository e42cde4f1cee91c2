package com.siyu.points.earning.domain;

import java.time.LocalDate;

/**
 * A tenant's points policy.
 *
 * @param redeemPointsPerYuan   how many points are worth one yuan (settlement between stores converts at this rate)
 * @param expiryMonths          points earned on day D can be used through day D + n months (tenant time zone); null = never expire
 * @param reminderDays          members are told this many days before their points expire
 * @param dailyEarnCap          most points a member can earn per local day; null = no cap
 * @param refundShortfall       what a refund does when the member already spent the points it takes back
 * @param parkingPointsPerHour  points per hour of parking; null = parking cannot be paid with points
 * @param parkingStoreId        the car park, as a store (settlement counterpart of parking redemptions)
 */
public record PointsPolicy(int redeemPointsPerYuan, Integer expiryMonths, int reminderDays, Long dailyEarnCap,
                           RefundShortfall refundShortfall, Long parkingPointsPerHour, Long parkingStoreId) {

    /** A tenant that configured nothing: 100 points = 1 yuan, points never expire, no cap, refunds record a debt, no parking. */
    public static final PointsPolicy DEFAULT = new PointsPolicy(100, null, 7, null, RefundShortfall.DEBT, null, null);

    public enum RefundShortfall {
        /** The account records a debt that future earnings pay off first. */
        DEBT,
        /** The refund is refused with POINTS_ALREADY_SPENT; staff settle it another way. */
        REJECT
    }

    public PointsPolicy {
        if (redeemPointsPerYuan <= 0) {
            throw new IllegalArgumentException("redeemPointsPerYuan must be positive");
        }
        if (expiryMonths != null && (expiryMonths < 1 || expiryMonths > 120)) {
            throw new IllegalArgumentException("expiryMonths must be 1-120");
        }
        if (reminderDays < 0 || reminderDays > 30) {
            throw new IllegalArgumentException("reminderDays must be 0-30");
        }
        if (refundShortfall == null) {
            throw new IllegalArgumentException("refundShortfall is required");
        }
    }

    /** The last day points earned on {@code earnedOn} may be used, or null when they never expire. */
    public LocalDate expiresOn(LocalDate earnedOn) {
        return expiryMonths == null ? null : earnedOn.plusMonths(expiryMonths);
    }
}
