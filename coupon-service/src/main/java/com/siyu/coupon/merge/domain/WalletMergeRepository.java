package com.siyu.coupon.merge.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Coupons and quotas as merges see them, and the record of each merge (infra); all calls act on the tenant in context. */
public interface WalletMergeRepository {

    record AppliedMerge(long mergeId, long survivorId, long mergedId, String status) {
    }

    record MovedCoupon(long couponId, long templateId, int fromSeq, int toSeq) {
    }

    /** Records the merge; false when it was recorded before. */
    boolean begin(long mergeId, long survivorId, long mergedId);

    /** MERGED → UNMERGED in one conditional update. */
    boolean beginUndo(long mergeId);

    Optional<AppliedMerge> find(long mergeId);

    /** Per template, the member's claim count. */
    Map<Long, Integer> claimed(long memberId);

    /** Creates the survivor's quota rows that are missing, then locks them ({@code for update}); returns their counts. */
    Map<Long, Integer> lockQuotas(long memberId, List<Long> templateIds);

    void addClaimed(long memberId, long templateId, int added);

    void setClaimed(long memberId, long templateId, int claimed);

    /** The member's AVAILABLE coupons, locked. */
    List<WalletMergePlan.OwnedCoupon> availableLocked(long memberId);

    /** Re-owns the coupon only while it is still the old owner's and AVAILABLE; false otherwise. */
    boolean move(long couponId, long fromMember, int fromSeq, long toMember, int toSeq);

    int highestSeq(long memberId, long templateId);

    /** The sequence numbers the member's coupons of the template hold. */
    List<Integer> seqs(long memberId, long templateId);

    /** The merge that currently has {@code mergedId} absorbed (status MERGED), if any. */
    Optional<AppliedMerge> activeMergeOf(long mergedId);

    void recordMoved(long mergeId, WalletMergePlan plan, List<WalletMergePlan.CouponMove> moved);

    List<MovedCoupon> moved(long mergeId);

    /** Quota additions of the merge, per template. */
    Map<Long, Integer> added(long mergeId);

    void recordReturned(long mergeId, long couponId);
}
