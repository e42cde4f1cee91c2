package com.siyu.payment.voucher.api;

import com.siyu.payment.checkout.api.PaymentResponse;
import com.siyu.payment.checkout.api.Shoppers;
import com.siyu.payment.checkout.domain.Checkout;
import com.siyu.payment.voucher.domain.VoucherSales;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The shopper buys group-buy vouchers or blind boxes: a payment like any other, with the vouchers issued once it is paid. */
@RestController
class VoucherPurchaseController {

    private final VoucherSales sales;

    VoucherPurchaseController(VoucherSales sales) {
        this.sales = sales;
    }

    @PostMapping("/api/v1/payment/voucher-purchases")
    ResponseEntity<PaymentResponse> buy(@Valid @RequestBody VoucherPurchaseRequest r) {
        Checkout.Opened opened = sales.buy(Shoppers.memberId(), r.templateId(), r.quantity(), r.payerOpenid(), r.attribution());
        return ResponseEntity.created(URI.create("/api/v1/payment/payments/" + opened.payment().paymentNo()))
                .body(PaymentResponse.of(opened.payment(), opened.prepay()));
    }
}
