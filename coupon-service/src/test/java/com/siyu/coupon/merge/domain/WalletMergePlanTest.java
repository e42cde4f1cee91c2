package com.siyu.coupon.merge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WalletMergePlanTest {

    @Test
    void availableCouponsTakeTheSurvivorsNextSequenceNumbersAndEveryClaimCounts() {
        // template 7: absorbed claimed 3 (one used, two available), survivor claimed 2; template 8: survivor never claimed
        WalletMergePlan plan = WalletMergePlan.plan(Map.of(7L, 3, 8L, 1, 9L, 0), Map.of(7L, 2),
                List.of(new WalletMergePlan.OwnedCoupon(70, 7, 3), new WalletMergePlan.OwnedCoupon(71, 7, 1),
                        new WalletMergePlan.OwnedCoupon(80, 8, 1)));

        assertThat(plan.quotas()).containsExactly(new WalletMergePlan.QuotaAddition(7, 3), new WalletMergePlan.QuotaAddition(8, 1));
        assertThat(plan.coupons()).containsExactly(
                new WalletMergePlan.CouponMove(71, 7, 1, 3),
                new WalletMergePlan.CouponMove(70, 7, 3, 4),
                new WalletMergePlan.CouponMove(80, 8, 1, 1));
    }

    @Test
    void moreCouponsThanClaimsIsABrokenWalletAndRefused() {
        assertThatThrownBy(() -> WalletMergePlan.plan(Map.of(7L, 1), Map.of(),
                List.of(new WalletMergePlan.OwnedCoupon(70, 7, 1), new WalletMergePlan.OwnedCoupon(71, 7, 2))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void undoGivesTheClaimsBackButNeverBelowASequenceNumberTheSurvivorStillHolds() {
        assertThat(WalletMergePlan.claimedAfterUndo(5, 3, 2)).isEqualTo(2);
        // the survivor used the coupon that came over as seq 4: its next claim must not reuse 4
        assertThat(WalletMergePlan.claimedAfterUndo(5, 3, 4)).isEqualTo(4);
        assertThat(WalletMergePlan.claimedAfterUndo(2, 3, 0)).isZero();
    }
}
