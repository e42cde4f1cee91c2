package com.siyu.payment.client;

import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** coupon-service's checkout API. Lock/redeem/release are AT branches inside our global transactions: no fallback. */
@FeignClient(name = "coupon-service", contextId = "paymentCouponClient")
public interface CouponClient {

    @PostMapping("/internal/coupon/quotes")
    Quote quote(@RequestBody QuoteRequest request);

    @PostMapping("/internal/coupon/payments/{paymentId}/lock")
    PaymentCoupons lock(@PathVariable("paymentId") String paymentId, @RequestBody LockRequest request);

    @PostMapping("/internal/coupon/payments/{paymentId}/redeem")
    PaymentCoupons redeem(@PathVariable("paymentId") String paymentId);

    @PostMapping("/internal/coupon/payments/{paymentId}/release")
    PaymentCoupons release(@PathVariable("paymentId") String paymentId);

    /** A refund gives back these coupons of the payment (each per its template's refund policy). */
    @PostMapping("/internal/coupon/payments/{paymentId}/restore")
    PaymentCoupons restore(@PathVariable("paymentId") String paymentId, @RequestBody Restore restore);

    record Restore(List<Long> couponIds) {
    }

    /** Issues one coupon of the template to the member; the same key never issues twice. */
    @PostMapping("/internal/coupon/grants")
    Issued grant(@RequestBody Grant grant);

    record Grant(long templateId, long memberId, String source, String key) {
    }

    record Issued(long id, long templateId, String status) {
    }

    /** A refund of a voucher purchase: {@code count} of the still-unused coupons issued under {@code keys} are revoked, all or none. */
    @PostMapping("/internal/coupon/revocations")
    Revoked revoke(@RequestBody Revoke revoke);

    record Revoke(String source, List<String> keys, int count) {
    }

    record Revoked(List<Long> couponIds) {
    }

    @GetMapping("/internal/coupon/templates/{id}")
    Template template(@PathVariable("id") long id);

    /** {@code priceFen}: what the template sells for (group-buy, blind box); null when it is not sold. */
    record Template(long id, String name, String type, String status, Long valueFen, Long priceFen, List<Long> storeIds,
                    List<Long> merchantIds) {
    }

    record Line(Long storeId, long merchantId, String category, long amountFen) {
    }

    record Cart(List<Line> lines, boolean usePoints) {
    }

    record QuoteRequest(long memberId, Cart cart) {
    }

    record LockRequest(long memberId, List<Long> couponIds, Cart cart) {
    }

    record Allocation(int line, Long merchantId, long discountFen) {
    }

    record Applied(long couponId, long templateId, String name, String type, long discountFen, long merchantFen, long platformFen,
                   List<Allocation> allocations) {
    }

    record Combination(List<Long> couponIds, long discountFen, List<Applied> coupons) {
    }

    record Quote(List<Applied> applicable, Combination best) {
    }

    record CouponLine(long couponId, long templateId, long discountFen, long merchantFen, long platformFen, String status) {
    }

    record PaymentCoupons(String paymentId, long discountFen, long merchantFen, long platformFen, List<CouponLine> coupons,
                          List<Applied> allocations) {
    }
}
