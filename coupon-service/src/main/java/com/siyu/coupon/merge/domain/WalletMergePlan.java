package com.siyu.coupon.merge.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a merge does to coupons, planned from the locked quota rows.
 *
 * <p><b>Coupons:</b> only the absorbed member's AVAILABLE coupons move to the survivor. A LOCKED coupon
 * belongs to a payment of the absorbed member that is in flight right now; it stays with that member and
 * is redeemed or released against it (payment-service addresses it by payment id). USED and EXPIRED
 * coupons are history and stay where they were used.
 *
 * <p><b>Quotas:</b> two records of one person claimed coupons as one person, so for every template the
 * survivor's claim count grows by everything the absorbed member claimed (not only the coupons that
 * moved): a member who took 2 of a "2 per member" coupon on each record cannot claim a third. The count
 * may end above the limit; that only blocks further claims. A moved coupon takes the next free sequence
 * numbers of the survivor (after its own claims), which keeps (template, member, seq) unique and every
 * seq within the claim count. The absorbed member's own quota rows are left as they were (the member is
 * inactive while merged and gets them back unchanged on undo).
 */
public record WalletMergePlan(List<QuotaAddition> quotas, List<CouponMove> coupons) {

    public record OwnedCoupon(long couponId, long templateId, int seq) {
    }

    public record QuotaAddition(long templateId, int added) {
    }

    public record CouponMove(long couponId, long templateId, int fromSeq, int toSeq) {
    }

    /**
     * @param absorbedClaimed   per template, how many the absorbed member claimed
     * @param survivorClaimed   per template, the survivor's claim count now (absent = never claimed)
     * @param absorbedAvailable the absorbed member's AVAILABLE coupons
     */
    public static WalletMergePlan plan(Map<Long, Integer> absorbedClaimed, Map<Long, Integer> survivorClaimed,
            List<OwnedCoupon> absorbedAvailable) {
        List<QuotaAddition> quotas = absorbedClaimed.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new QuotaAddition(e.getKey(), e.getValue())).toList();
        List<CouponMove> moves = new ArrayList<>();
        Map<Long, List<OwnedCoupon>> byTemplate = new java.util.TreeMap<>();
        for (OwnedCoupon coupon : absorbedAvailable) {
            byTemplate.computeIfAbsent(coupon.templateId(), t -> new ArrayList<>()).add(coupon);
        }
        byTemplate.forEach((template, coupons) -> {
            int claimed = absorbedClaimed.getOrDefault(template, 0);
            if (coupons.size() > claimed) {
                throw new IllegalStateException("member holds " + coupons.size() + " coupons of template " + template
                        + " but claimed only " + claimed);
            }
            int next = survivorClaimed.getOrDefault(template, 0);
            for (OwnedCoupon coupon : coupons.stream().sorted(Comparator.comparingInt(OwnedCoupon::seq)).toList()) {
                moves.add(new CouponMove(coupon.couponId(), template, coupon.seq(), ++next));
            }
        });
        return new WalletMergePlan(quotas, moves);
    }

    /**
     * The survivor's claim count of a template when the merge is undone: what it claimed itself, but never
     * below the highest sequence number it still holds (coupons that came over and were used stay with it).
     */
    public static int claimedAfterUndo(int claimedNow, int added, int highestSeqKept) {
        return Math.max(Math.max(0, claimedNow - added), highestSeqKept);
    }
}
