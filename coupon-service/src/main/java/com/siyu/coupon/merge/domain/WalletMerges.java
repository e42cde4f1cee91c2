package com.siyu.coupon.merge.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * member-service merged two members (or undid it): the absorbed member's unused coupons and its claim
 * counts follow (rules in {@link WalletMergePlan}). Runs inside the inbox's transaction; touches only the
 * two members' quota and coupon rows, each with a conditional update.
 *
 * <p>Undo: the moved coupons still AVAILABLE on the survivor go back (with their old sequence numbers);
 * those the survivor used or that are locked by its payment stay with it. The survivor's claim counts go
 * back down by what the merge added, but never below the highest sequence number it still holds.
 */
@Service
public class WalletMerges {

    private static final Logger log = LoggerFactory.getLogger(WalletMerges.class);

    private final WalletMergeRepository wallets;

    public WalletMerges(WalletMergeRepository wallets) {
        this.wallets = wallets;
    }

    /**
     * A coupon that became the absorbed member's again after the merge (a refund restored it) goes on to the
     * survivor, at a sequence number the merge counted for it (the survivor's count already includes every
     * claim of the absorbed member), recorded with the merge so an undo returns it. False when the member is
     * not absorbed or no such number is free (then it stays where it is).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean forward(long couponId, long templateId, long memberId, int seq) {
        Optional<WalletMergeRepository.AppliedMerge> merge = wallets.activeMergeOf(memberId);
        if (merge.isEmpty()) {
            return false;
        }
        long survivorId = merge.get().survivorId();
        int counted = wallets.lockQuotas(survivorId, List.of(templateId)).getOrDefault(templateId, 0);
        java.util.Set<Integer> taken = new java.util.HashSet<>(wallets.seqs(survivorId, templateId));
        Optional<Integer> free = java.util.stream.IntStream.rangeClosed(1, counted).boxed().filter(s -> !taken.contains(s)).findFirst();
        if (free.isEmpty()) {
            log.warn("Coupon {} restored to absorbed member {} stays there: no free sequence for member {} on template {}", couponId,
                    memberId, survivorId, templateId);
            return false;
        }
        WalletMergePlan.CouponMove move = new WalletMergePlan.CouponMove(couponId, templateId, seq, free.get());
        if (!wallets.move(couponId, memberId, seq, survivorId, free.get())) {
            return false;
        }
        wallets.recordMoved(merge.get().mergeId(), new WalletMergePlan(List.of(), List.of(move)), List.of(move));
        return true;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public WalletMergePlan merge(long mergeId, long survivorId, long mergedId) {
        if (survivorId == mergedId) {
            throw new IllegalArgumentException("merge " + mergeId + " merges member " + survivorId + " into itself");
        }
        if (!wallets.begin(mergeId, survivorId, mergedId)) {
            log.info("Merge {} was applied to coupons before", mergeId);
            return new WalletMergePlan(List.of(), List.of());
        }
        Map<Long, Integer> absorbedClaimed = wallets.claimed(mergedId);
        if (absorbedClaimed.isEmpty()) {
            return new WalletMergePlan(List.of(), List.of());
        }
        Map<Long, Integer> survivorClaimed = wallets.lockQuotas(survivorId, absorbedClaimed.keySet().stream().sorted().toList());
        WalletMergePlan plan = WalletMergePlan.plan(absorbedClaimed, survivorClaimed, wallets.availableLocked(mergedId));
        for (WalletMergePlan.QuotaAddition quota : plan.quotas()) {
            wallets.addClaimed(survivorId, quota.templateId(), quota.added());
        }
        List<WalletMergePlan.CouponMove> moved = new ArrayList<>();
        for (WalletMergePlan.CouponMove move : plan.coupons()) {
            if (wallets.move(move.couponId(), mergedId, move.fromSeq(), survivorId, move.toSeq())) {
                moved.add(move);
            }
        }
        wallets.recordMoved(mergeId, plan, moved);
        return plan;
    }

    /** An undo that overtakes its merge records the merge as already undone, so the late MemberMerged changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int unmerge(long mergeId, long survivorId, long mergedId) {
        if (!wallets.beginUndo(mergeId)) {
            if (wallets.find(mergeId).isEmpty()) {
                if (!wallets.begin(mergeId, survivorId, mergedId) || !wallets.beginUndo(mergeId)) {
                    throw new MergeNotYetApplied(mergeId);
                }
                log.warn("Merge {} was undone before it reached coupons: recorded as undone, its merge will change nothing", mergeId);
            }
            return 0;
        }
        WalletMergeRepository.AppliedMerge merge = wallets.find(mergeId).orElseThrow();
        Map<Long, Integer> added = wallets.added(mergeId);
        Map<Long, Integer> claimedNow = wallets.lockQuotas(merge.survivorId(), added.keySet().stream().sorted().toList());
        int returned = 0;
        for (WalletMergeRepository.MovedCoupon coupon : wallets.moved(mergeId)) {
            if (wallets.move(coupon.couponId(), merge.survivorId(), coupon.toSeq(), merge.mergedId(), coupon.fromSeq())) {
                wallets.recordReturned(mergeId, coupon.couponId());
                returned++;
            }
        }
        added.forEach((template, count) -> wallets.setClaimed(merge.survivorId(), template, WalletMergePlan.claimedAfterUndo(
                claimedNow.getOrDefault(template, 0), count, wallets.highestSeq(merge.survivorId(), template))));
        return returned;
    }
}
