package com.siyu.coupon.wallet.api;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.coupon.checkout.domain.Cart;
import com.siyu.coupon.checkout.domain.CartLine;
import com.siyu.coupon.wallet.domain.Wallet;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The wallet: the shopper's own (identity from the gateway's headers) and, for customer service, any
 * member's. With {@code amountFen} (and optionally merchant/store/category) the coupons that apply to
 * that purchase come first, with the discount each would give.
 */
@RestController
@Validated
class WalletController {

    private final Wallet wallet;
    private final com.siyu.coupon.client.References references;

    WalletController(Wallet wallet, com.siyu.coupon.client.References references) {
        this.wallet = wallet;
        this.references = references;
    }

    @GetMapping("/api/v1/coupon/wallet")
    WalletResponse mine(@RequestParam(required = false) @Positive Long merchantId,
                        @RequestParam(required = false) @Positive Long storeId,
                        @RequestParam(required = false) @Size(max = 40) String category,
                        @RequestParam(required = false) @Positive @Max(1_000_000_000_000L) Long amountFen,
                        @RequestParam(defaultValue = "false") boolean usePoints) {
        Caller member = CallerContext.current();
        if (!member.isMember() || !member.hasTenant()) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "MEMBER_TOKEN_REQUIRED", "Sign in as a member to see your coupons");
        }
        return WalletResponse.of(wallet.view(member.memberId(), cart(merchantId, storeId, category, amountFen, usePoints)));
    }

    @GetMapping("/admin/v1/coupon/members/{memberId}/coupons")
    WalletResponse ofMember(@PathVariable @Positive long memberId) {
        StaffOnly.require();
        references.memberFound(memberId);
        return WalletResponse.of(wallet.view(memberId, null));
    }

    private static Cart cart(Long merchantId, Long storeId, String category, Long amountFen, boolean usePoints) {
        return amountFen == null ? null : new Cart(List.of(new CartLine(storeId, merchantId, category, amountFen)), usePoints);
    }
}
