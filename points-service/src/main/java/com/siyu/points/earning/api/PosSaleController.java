package com.siyu.points.earning.api;

import com.siyu.common.context.Caller;
import com.siyu.common.web.StaffOnly;
import com.siyu.points.earning.domain.PosSales;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A counter's POS reports cash and card sales (and their refunds) so members earn outside the mini-program. */
@RestController
class PosSaleController {

    private static final String[] COUNTER_STAFF = {"CASHIER", "MANAGER", "OPERATOR", "TENANT_ADMIN"};

    private final PosSales sales;

    PosSaleController(PosSales sales) {
        this.sales = sales;
    }

    record MemberKeyRequest(@NotNull PosSales.MemberKey kind, @NotBlank @Size(max = 64) String value) {
    }

    record PosSaleRequest(@NotNull @Positive Long merchantId,
                          @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String receiptNo,
                          @NotNull @Positive @Max(100_000_000_000L) Long amountFen,
                          @Size(max = 32) String category,
                          @NotNull @Valid MemberKeyRequest member) {
    }

    record PosSaleResponse(long memberId, long storeId, EarnResponse earned) {
    }

    record PosRefundRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String refundNo,
                            @NotNull @Positive @Max(100_000_000_000L) Long amountFen) {
    }

    @PostMapping("/admin/v1/points/pos-sales")
    @ResponseStatus(HttpStatus.CREATED)
    PosSaleResponse record(@Valid @RequestBody PosSaleRequest request) {
        Caller staff = StaffOnly.require(COUNTER_STAFF);
        PosSales.Recorded recorded = sales.record(staff, new PosSales.Sale(request.merchantId(), request.receiptNo(), request.amountFen(),
                request.category(), request.member().kind(), request.member().value()));
        return new PosSaleResponse(recorded.memberId(), recorded.storeId(), EarnResponse.of(recorded.earned()));
    }

    @PostMapping("/admin/v1/points/pos-sales/{merchantId}/{receiptNo}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    ReversalResponse refund(@PathVariable long merchantId, @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String receiptNo,
                            @Valid @RequestBody PosRefundRequest request) {
        Caller staff = StaffOnly.require(COUNTER_STAFF);
        return ReversalResponse.of(sales.refund(staff, merchantId, receiptNo, request.refundNo(), request.amountFen()));
    }
}
