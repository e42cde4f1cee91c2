package com.siyu.payment.checkout.api;

import com.siyu.payment.checkout.domain.Settlement;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat Pay's payment notifications. Anonymous (the gateway must route it without a token) and
 * without an Idempotency-Key (exempt): the signature authenticates it, the payment number names the
 * tenant, and the conditional PENDING → PAID makes repeated deliveries harmless. 204 acknowledges;
 * any problem answer makes WeChat Pay deliver again later.
 */
@RestController
class WechatNotificationController {

    private final Settlement settlement;

    WechatNotificationController(Settlement settlement) {
        this.settlement = settlement;
    }

    /** The deployment's merchant, its sub-merchants (service-provider mode) and tenants' own merchants each notify at their own URL. */
    @PostMapping(path = "/api/v1/payment/notifications/wechat", consumes = "application/json")
    ResponseEntity<Void> notify(@RequestBody String body, HttpServletRequest request) {
        return receive("", body, request);
    }

    @PostMapping(path = "/api/v1/payment/notifications/wechat/partner", consumes = "application/json")
    ResponseEntity<Void> notifyPartner(@RequestBody String body, HttpServletRequest request) {
        return receive("partner", body, request);
    }

    @PostMapping(path = "/api/v1/payment/notifications/wechat/merchants/{mchId:[0-9]{8,20}}", consumes = "application/json")
    ResponseEntity<Void> notifyMerchant(@PathVariable String mchId, @RequestBody String body, HttpServletRequest request) {
        return receive("merchants/" + mchId, body, request);
    }

    private ResponseEntity<Void> receive(String route, String body, HttpServletRequest request) {
        settlement.onNotification(route, body, WechatHeaders.of(request));
        return ResponseEntity.noContent().build();
    }
}
