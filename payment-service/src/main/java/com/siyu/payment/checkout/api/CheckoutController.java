package com.siyu.payment.checkout.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.payment.checkout.domain.Checkout;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The shopper's cashier: quote a (combined) order, pay it, see the payment. Staff may read payments. */
@RestController
class CheckoutController {

    private final Checkout checkout;

    CheckoutController(Checkout checkout) {
        this.checkout = checkout;
    }

    /** A read: listed in {@code siyu.idempotency.exempt-paths}, no Idempotency-Key needed. */
    @PostMapping("/api/v1/payment/quotes")
    QuoteResponse quote(@Valid @RequestBody QuoteRequest request) {
        return QuoteResponse.of(checkout.quote(member(), orders(request.orders()), request.points()));
    }

    @PostMapping("/api/v1/payment/payments")
    ResponseEntity<PaymentResponse> pay(@Valid @RequestBody PayRequest request) {
        long member = member();
        Checkout.Opened opened = checkout.pay(new Checkout.PayCommand(member, orders(request.orders()),
                request.couponIds() == null ? List.of() : request.couponIds(), request.points() == null ? 0 : request.points(),
                request.payerOpenid(), null, request.attribution()));
        return ResponseEntity.created(URI.create("/api/v1/payment/payments/" + opened.payment().paymentNo()))
                .body(PaymentResponse.of(opened.payment(), opened.prepay()));
    }

    @GetMapping("/api/v1/payment/payments/{paymentNo}")
    PaymentResponse mine(@PathVariable String paymentNo) {
        return PaymentResponse.of(checkout.get(paymentNo, member()), null);
    }

    @GetMapping("/admin/v1/payment/payments/{paymentNo}")
    PaymentResponse staff(@PathVariable String paymentNo) {
        StaffOnly.require();
        return PaymentResponse.of(checkout.get(paymentNo, null), null);
    }

    private static long member() {
        return Shoppers.memberId();
    }

    private static List<Checkout.OrderInput> orders(List<OrderLineRequest> lines) {
        return lines.stream().map(l -> new Checkout.OrderInput(l.merchantId(), l.amountFen())).toList();
    }
}
