package com.siyu.coupon.issuing.api;

import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.coupon.issuing.domain.IssueCommand;
import com.siyu.coupon.issuing.domain.Issued;
import com.siyu.coupon.issuing.domain.Issuing;
import com.siyu.coupon.wallet.api.CouponResponse;
import com.siyu.coupon.wallet.domain.IssueSource;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Grants by other services, idempotent by (source, key): 201 the first time, 200 with the same coupon after. */
@RestController
class GrantInternalController {

    private final Issuing issuing;
    private final com.siyu.coupon.client.References references;

    GrantInternalController(Issuing issuing, com.siyu.coupon.client.References references) {
        this.issuing = issuing;
        this.references = references;
    }

    @PostMapping("/internal/coupon/grants")
    ResponseEntity<CouponResponse> grant(@Valid @RequestBody InternalGrantRequest r) {
        CallerContext.requireTenant();
        if (r.source() == IssueSource.CLAIM || r.source() == IssueSource.BATCH) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    "source " + r.source() + " is not a service grant; use PAYMENT_REWARD, PURCHASE, FRIEND_ADD, CAMPAIGN or OPERATOR");
        }
        // a grant to a member of another tenant (or to no one) would use up stock for nobody
        references.member("memberId", r.memberId());
        Issued issued = issuing.issue(new IssueCommand(r.templateId(), r.memberId(), r.source(), r.key(), null));
        CouponResponse body = CouponResponse.of(issued.coupon());
        return issued.replayed() ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/admin/v1/coupon/members/" + r.memberId() + "/coupons")).body(body);
    }
}
