package com.siyu.coupon.wallet.domain;

import java.util.List;

/** The member's coupons by state; available ones applicable to the cart first. */
public record WalletView(List<WalletEntry> available, List<WalletEntry> locked, List<WalletEntry> used, List<WalletEntry> expired) {
}
