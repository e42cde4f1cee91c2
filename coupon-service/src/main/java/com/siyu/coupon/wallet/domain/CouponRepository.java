package com.siyu.coupon.wallet.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The issued coupons and the per-member quotas. Every state change is one conditional update. */
public interface CouponRepository {

    Optional<Coupon> find(long id);

    Optional<Coupon> findByIssueKey(String issueKey);

    List<Coupon> findAll(Collection<Long> ids);

    List<Coupon> ofMember(long memberId, CouponStatus status, int limit);

    Coupon insert(NewCoupon coupon);

    /** Creates the member's quota row for the template if it is missing (the unique key decides races). */
    void ensureQuota(long templateId, long memberId);

    /**
     * Takes one from the member's quota in one conditional update: below {@code limit} in total and,
     * when {@code dailyLimit} is set, below it on {@code day}. Returns the new total (the coupon's seq),
     * empty when the limit is reached.
     */
    OptionalInt takeQuota(long templateId, long memberId, int limit, Integer dailyLimit, LocalDate day);

    /** AVAILABLE → LOCKED by the payment, only when the coupon is the member's and valid at {@code at}. */
    boolean lock(long couponId, long memberId, String paymentId, Instant at);

    /** LOCKED by the payment → USED; the number of coupons changed. */
    int redeem(String paymentId, Instant at);

    /** LOCKED by the payment → AVAILABLE; the number of coupons changed. */
    int release(String paymentId, Instant at);

    /** USED by the payment → AVAILABLE (a refund that gives the coupon back). */
    boolean restore(long couponId, String paymentId, Instant at);

    /** AVAILABLE → REVOKED for the coupon issued under {@code issueKey}; false when there is none or it is not available. */
    boolean revoke(String issueKey, Instant at);

    /** AVAILABLE coupons whose validity ended by {@code asOf} → EXPIRED, at most {@code limit}. */
    int expire(Instant asOf, int limit);

    /** AVAILABLE coupons ending in (asOf, horizon] that have not been reminded yet. */
    List<Coupon> dueForReminder(Instant asOf, Instant horizon, int limit);

    /** Stamps the reminder; false when another run already did. */
    boolean markReminded(long couponId, Instant at);

    /** Tenants that have AVAILABLE coupons ending by {@code horizon} (a job runs without a tenant). */
    List<Long> tenantsWithCouponsEndingBy(Instant horizon);

    /** Number of coupons of the template and the sum of its members' quota counters. */
    IssuedCounts issuedCounts(long templateId);
}
