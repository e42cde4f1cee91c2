package com.siyu.payment.refund.api;

import com.siyu.common.context.CallerContext;
import com.siyu.payment.refund.domain.Refunding;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refunds other services make (service to service): touchpoint-service's approved return work orders. The caller names
 * the refund ({@code RW} + 24 hex characters, its own), so a retried call returns the same refund instead of a second.
 */
@RestController
class RefundInternalController {

    private final Refunding refunding;

    RefundInternalController(Refunding refunding) {
        this.refunding = refunding;
    }

    /** amountFen: gross to refund, the whole order's remainder when absent; staffId: who approved it (audit). */
    record InternalRefundRequest(@NotNull @Pattern(regexp = "RW[0-9A-F]{24}") String refundNo,
                                 @NotBlank @Pattern(regexp = "[A-Za-z0-9\\-]{1,40}") String paymentNo,
                                 @NotBlank @Pattern(regexp = "[A-Za-z0-9\\-]{1,40}") String orderNo, @Positive @Max(100_000_000_000L) Long amountFen,
                                 @NotBlank @Size(max = 80) String reason, @Positive Long staffId) {
    }

    @PostMapping("/internal/payment/refunds")
    RefundResponse refund(@Valid @RequestBody InternalRefundRequest r) {
        CallerContext.requireTenant();
        return RefundResponse.of(refunding.requestOnce(r.refundNo(), r.paymentNo(), r.orderNo(), r.amountFen(), r.reason(), r.staffId()));
    }
}
