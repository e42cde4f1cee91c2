package com.siyu.payment.checkout.api;

import com.siyu.payment.checkout.domain.Settlement;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
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

    @PostMapping(path = "/api/v1/payment/notifications/wechat", consumes = "application/json")
    ResponseEntity<Void> notify(@RequestBody String body, HttpServletRequest request) {
        settlement.onNotification(body, WechatHeaders.of(request));
        return ResponseEntity.noContent().build();
    }
}
