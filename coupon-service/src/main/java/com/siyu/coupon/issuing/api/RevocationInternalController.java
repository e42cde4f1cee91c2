package com.siyu.coupon.issuing.api;

import com.siyu.common.context.CallerContext;
import com.siyu.coupon.issuing.domain.Revocations;
import com.siyu.coupon.wallet.domain.Coupon;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** payment-service refunding a voucher purchase: an AT branch of its refund (TX_XID header). */
@RestController
class RevocationInternalController {

    private final Revocations revocations;

    RevocationInternalController(Revocations revocations) {
        this.revocations = revocations;
    }

    @PostMapping("/internal/coupon/revocations")
    RevocationResponse revoke(@Valid @RequestBody RevocationRequest r) {
        CallerContext.requireTenant();
        return new RevocationResponse(revocations.revoke(r.source(), r.keys(), r.count()).stream().map(Coupon::id).toList());
    }

    record RevocationResponse(List<Long> couponIds) {
    }
}
