package com.siyu.payment.refund.api;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.payment.checkout.api.Shoppers;
import com.siyu.payment.checkout.api.WechatHeaders;
import com.siyu.payment.refund.domain.Refund;
import com.siyu.payment.refund.domain.Refunding;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refunds: staff (counter cashiers, customer service, managers) refund a shop order in full or in part;
 * shoppers see the refunds of their payments; WeChat Pay notifies refund results (anonymous, signed).
 */
@RestController
class RefundController {

    private static final String[] REFUNDERS = {"CASHIER", "SERVICE_AGENT", "MANAGER", "TENANT_ADMIN"};

    private final Refunding refunding;
    private final com.siyu.payment.client.References references;

    RefundController(Refunding refunding, com.siyu.payment.client.References references) {
        this.references = references;
        this.refunding = refunding;
    }

    @PostMapping("/admin/v1/payment/payments/{paymentNo}/refunds")
    ResponseEntity<RefundResponse> refund(@PathVariable String paymentNo, @Valid @RequestBody RefundRequest request) {
        Caller staff = StaffOnly.require(REFUNDERS);
        // a counter cashier refunds the orders of their own store; customer service and managers any of the tenant's
        boolean anyStore = staff.hasAnyRole("SERVICE_AGENT", "MANAGER", "TENANT_ADMIN");
        if (!anyStore && staff.storeId() == null) {
            throw new DomainException(HttpStatus.FORBIDDEN, "REFUND_STORE_UNKNOWN", "A cashier without a store cannot refund");
        }
        Refund refund = refunding.request(paymentNo, request.orderNo(), request.amountFen(), request.reason(), staff.staffId(),
                anyStore ? null : staff.storeId());
        return ResponseEntity.created(URI.create("/admin/v1/payment/refunds/" + refund.refundNo())).body(RefundResponse.of(refund));
    }

    @GetMapping("/admin/v1/payment/payments/{paymentNo}/refunds")
    List<RefundResponse> ofPayment(@PathVariable String paymentNo) {
        StaffOnly.require();
        return refunding.ofPayment(paymentNo, null).stream().map(RefundResponse::of).toList();
    }

    @GetMapping("/admin/v1/payment/refunds/{refundNo}")
    RefundResponse get(@PathVariable String refundNo) {
        StaffOnly.require();
        return RefundResponse.of(refunding.get(refundNo));
    }

    @GetMapping("/admin/v1/payment/merchants/{merchantId}/subsidies")
    SubsidyResponse subsidies(@PathVariable long merchantId, @RequestParam Instant from, @RequestParam Instant to) {
        StaffOnly.require("OPERATOR", "MANAGER", "TENANT_ADMIN");
        references.merchantFound(merchantId);
        return SubsidyResponse.of(refunding.subsidy(merchantId, from, to), from, to);
    }

    @GetMapping("/api/v1/payment/payments/{paymentNo}/refunds")
    List<RefundResponse> mine(@PathVariable String paymentNo) {
        return refunding.ofPayment(paymentNo, Shoppers.memberId()).stream().map(RefundResponse::of).toList();
    }

    /** WeChat Pay's refund results: 204 acknowledges; a problem answer makes WeChat Pay deliver again later. */
    @PostMapping(path = "/api/v1/payment/notifications/wechat/partner/refunds", consumes = "application/json")
    ResponseEntity<Void> notifyPartner(@RequestBody String body, HttpServletRequest request) {
        return receive("partner", body, request);
    }

    @PostMapping(path = "/api/v1/payment/notifications/wechat/merchants/{mchId:[0-9]{8,20}}/refunds", consumes = "application/json")
    ResponseEntity<Void> notifyMerchant(@PathVariable String mchId, @RequestBody String body, HttpServletRequest request) {
        return receive("merchants/" + mchId, body, request);
    }

    @PostMapping(path = "/api/v1/payment/notifications/wechat/refunds", consumes = "application/json")
    ResponseEntity<Void> notify(@RequestBody String body, HttpServletRequest request) {
        return receive("", body, request);
    }

    private ResponseEntity<Void> receive(String route, String body, HttpServletRequest request) {
        refunding.onNotification(route, body, WechatHeaders.of(request));
        return ResponseEntity.noContent().build();
    }
}
