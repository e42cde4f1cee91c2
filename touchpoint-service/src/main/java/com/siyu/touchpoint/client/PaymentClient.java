package com.siyu.touchpoint.client;

import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * payment-service: a payment as the caller sees it (the shopper their own, staff the tenant's: the caller's own token is
 * forwarded, 404 otherwise) and the refund of an approved return under the work order's refund number.
 */
@FeignClient(name = "payment-service", contextId = "touchpointPaymentClient")
public interface PaymentClient {

    @GetMapping("/api/v1/payment/payments/{paymentNo}")
    Payment shoppersPayment(@PathVariable("paymentNo") String paymentNo);

    @GetMapping("/admin/v1/payment/payments/{paymentNo}")
    Payment staffPayment(@PathVariable("paymentNo") String paymentNo);

    record Payment(String paymentNo, long memberId, String status, List<Order> orders) {
    }

    record Order(String orderNo, long storeId, long grossFen, long refundedGrossFen) {
    }

    @PostMapping("/internal/payment/refunds")
    Refund refund(@RequestBody RefundRequest request);

    record RefundRequest(String refundNo, String paymentNo, String orderNo, Long amountFen, String reason, Long staffId) {
    }

    record Refund(String refundNo, String status, long grossFen, long pointsReturned, List<Long> restoredCouponIds) {
    }
}
