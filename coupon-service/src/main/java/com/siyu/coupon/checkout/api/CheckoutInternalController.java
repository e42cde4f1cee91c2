package com.siyu.coupon.checkout.api;

import com.siyu.common.context.CallerContext;
import com.siyu.coupon.checkout.domain.Checkout;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coupons at payment, for payment-service. Lock, redeem, release and restore run inside the payment's
 * Seata global transaction when the TX_XID header is present (each is an AT branch undone on global
 * rollback); all are idempotent by payment id.
 */
@RestController
@Validated
class CheckoutInternalController {

    private static final String PAYMENT_ID = "[A-Za-z0-9._:\\-]{1,64}";

    private final Checkout checkout;

    CheckoutInternalController(Checkout checkout) {
        this.checkout = checkout;
    }

    @PostMapping("/internal/coupon/quotes")
    QuoteResponse quote(@Valid @RequestBody QuoteRequest r) {
        CallerContext.requireTenant();
        return QuoteResponse.of(checkout.quote(r.memberId(), r.cart().toCart()));
    }

    @PostMapping("/internal/coupon/payments/{paymentId}/lock")
    PaymentCouponsResponse lock(@PathVariable @Pattern(regexp = PAYMENT_ID) String paymentId, @Valid @RequestBody LockRequest r) {
        CallerContext.requireTenant();
        return PaymentCouponsResponse.of(checkout.lock(paymentId, r.memberId(), r.couponIds(), r.cart().toCart()));
    }

    @PostMapping("/internal/coupon/payments/{paymentId}/redeem")
    PaymentCouponsResponse redeem(@PathVariable @Pattern(regexp = PAYMENT_ID) String paymentId) {
        CallerContext.requireTenant();
        return PaymentCouponsResponse.of(checkout.redeem(paymentId));
    }

    @PostMapping("/internal/coupon/payments/{paymentId}/release")
    PaymentCouponsResponse release(@PathVariable @Pattern(regexp = PAYMENT_ID) String paymentId) {
        CallerContext.requireTenant();
        return PaymentCouponsResponse.of(checkout.release(paymentId));
    }

    @PostMapping("/internal/coupon/payments/{paymentId}/restore")
    PaymentCouponsResponse restore(@PathVariable @Pattern(regexp = PAYMENT_ID) String paymentId,
                                   @Valid @RequestBody(required = false) RestoreRequest r) {
        CallerContext.requireTenant();
        return PaymentCouponsResponse.of(checkout.restore(paymentId, r == null ? null : r.couponIds()));
    }

    @GetMapping("/internal/coupon/payments/{paymentId}")
    PaymentCouponsResponse get(@PathVariable @Pattern(regexp = PAYMENT_ID) String paymentId) {
        CallerContext.requireTenant();
        return PaymentCouponsResponse.of(checkout.get(paymentId));
    }
}
