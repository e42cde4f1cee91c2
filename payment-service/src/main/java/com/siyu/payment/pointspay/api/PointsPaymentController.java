package com.siyu.payment.pointspay.api;

import com.siyu.common.context.Caller;
import com.siyu.common.web.StaffOnly;
import com.siyu.payment.pointspay.domain.PayWithPoints;
import com.siyu.payment.pointspay.domain.PointsCashier;
import com.siyu.payment.pointspay.domain.Receipt;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A counter cashier settles an order with the member's points. */
@RestController
@RequestMapping("/admin/v1/payment/points-payments")
class PointsPaymentController {

    private final PointsCashier cashier;

    PointsPaymentController(PointsCashier cashier) {
        this.cashier = cashier;
    }

    @PostMapping
    ResponseEntity<PointsPaymentResponse> pay(@Valid @RequestBody PayWithPointsRequest request) {
        Caller staff = StaffOnly.require("CASHIER", "TENANT_ADMIN", "OPERATOR");
        Long storeId = request.storeId() != null ? request.storeId() : staff.storeId();
        Receipt receipt = cashier.pay(new PayWithPoints(request.memberId(), storeId, request.merchantOrderNo(), request.points(), staff.staffId()));
        return ResponseEntity.created(URI.create("/admin/v1/payment/points-payments/" + receipt.payment().paymentNo()))
                .body(PointsPaymentResponse.of(receipt.payment(), receipt.pointsBalanceAfter()));
    }

    @GetMapping("/{paymentNo}")
    PointsPaymentResponse get(@PathVariable String paymentNo) {
        StaffOnly.require();
        return PointsPaymentResponse.of(cashier.get(paymentNo), null);
    }
}
