package com.siyu.coupon.wallet.api;

import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.wallet.domain.WalletEntry;
import com.siyu.coupon.wallet.domain.WalletView;
import java.time.Instant;
import java.util.List;

public record WalletResponse(List<Entry> available, List<Entry> locked, List<Entry> used, List<Entry> expired) {

    /** A coupon with what the member needs to see of its template; applicable/discountFen/reason only for a cart. */
    public record Entry(long couponId, long templateId, String name, String type, Long valueFen, Long thresholdFen,
                        Integer discountPercent, Long maxDiscountFen, Long minSpendFen, String itemName, String status,
                        Instant validFrom, Instant validTo, Boolean applicable, Long discountFen, String reason) {

        static Entry of(WalletEntry e) {
            CouponTemplate t = e.template();
            return new Entry(e.coupon().id(), t.id(), t.name(), t.type().name(), t.valueFen(), t.thresholdFen(), t.discountPercent(),
                    t.maxDiscountFen(), t.rules().minSpendFen(), e.coupon().itemName(), e.coupon().status().name(),
                    e.coupon().validFrom(), e.coupon().validTo(), e.applicable(), e.applicable() == null ? null : e.discountFen(),
                    e.reason());
        }
    }

    static WalletResponse of(WalletView view) {
        return new WalletResponse(view.available().stream().map(Entry::of).toList(), view.locked().stream().map(Entry::of).toList(),
                view.used().stream().map(Entry::of).toList(), view.expired().stream().map(Entry::of).toList());
    }
}
