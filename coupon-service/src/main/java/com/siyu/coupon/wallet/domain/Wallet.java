package com.siyu.coupon.wallet.domain;

import com.siyu.coupon.checkout.domain.Cart;
import com.siyu.coupon.checkout.domain.Checkout;
import com.siyu.coupon.checkout.domain.CouponMath;
import com.siyu.coupon.checkout.domain.Offer;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/** The member's wallet (卡包): available / locked / used / expired, with the coupons that fit a cart first. */
@Service
public class Wallet {

    private static final int MAX_AVAILABLE = 200;
    private static final int MAX_HISTORY = 50;

    private final CouponRepository coupons;
    private final Checkout checkout;

    public Wallet(CouponRepository coupons, Checkout checkout) {
        this.coupons = coupons;
        this.checkout = checkout;
    }

    /** {@code cart} may be null: then the available coupons are in expiry order, nothing is judged. */
    public WalletView view(long memberId, Cart cart) {
        List<WalletEntry> available;
        List<Offer> offers = checkout.offers(coupons.ofMember(memberId, CouponStatus.AVAILABLE, MAX_AVAILABLE));
        if (cart == null) {
            available = offers.stream().map(o -> new WalletEntry(o.coupon(), o.template(), null, 0, null)).toList();
        } else {
            ZonedDateTime now = checkout.localNow();
            available = offers.stream().map(o -> {
                        String why = CouponMath.refusal(o, cart, now);
                        long discount = why == null ? CouponMath.quote(List.of(o), cart, now).applicable().get(0).discountFen() : 0;
                        return new WalletEntry(o.coupon(), o.template(), why == null, discount, why);
                    })
                    .sorted(Comparator.comparing((WalletEntry e) -> !e.applicable())
                            .thenComparing(Comparator.comparingLong(WalletEntry::discountFen).reversed())
                            .thenComparing(e -> e.coupon().validTo()))
                    .toList();
        }
        return new WalletView(available, entries(memberId, CouponStatus.LOCKED), entries(memberId, CouponStatus.USED),
                entries(memberId, CouponStatus.EXPIRED));
    }

    private List<WalletEntry> entries(long memberId, CouponStatus status) {
        return checkout.offers(coupons.ofMember(memberId, status, MAX_HISTORY)).stream()
                .map(o -> new WalletEntry(o.coupon(), o.template(), null, 0, null)).toList();
    }
}
