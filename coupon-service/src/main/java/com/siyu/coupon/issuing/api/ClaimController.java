package com.siyu.coupon.issuing.api;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.context.SiyuHeaders;
import com.siyu.common.problem.DomainException;
import com.siyu.coupon.issuing.domain.GeoPoint;
import com.siyu.coupon.issuing.domain.InvalidCoordinates;
import com.siyu.coupon.issuing.domain.IssueCommand;
import com.siyu.coupon.issuing.domain.Issued;
import com.siyu.coupon.issuing.domain.Issuing;
import com.siyu.coupon.wallet.api.CouponResponse;
import com.siyu.coupon.wallet.domain.IssueSource;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A shopper claims a coupon in the mini-program (geo-fenced templates need the client's position). */
@RestController
class ClaimController {

    private final Issuing issuing;

    ClaimController(Issuing issuing) {
        this.issuing = issuing;
    }

    /**
     * The claim's business key is the member plus the request's Idempotency-Key: a retried request
     * issues once even if it gets past the idempotency filter (after a 5xx freed the key).
     */
    @PostMapping("/api/v1/coupon/templates/{templateId}/claims")
    ResponseEntity<CouponResponse> claim(@PathVariable long templateId,
                                         @RequestHeader(SiyuHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
                                         @Valid @RequestBody(required = false) ClaimRequest request) {
        Caller member = CallerContext.current();
        if (!member.isMember() || !member.hasTenant()) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "MEMBER_TOKEN_REQUIRED", "Sign in as a member to claim coupons");
        }
        Issued issued = issuing.issue(new IssueCommand(templateId, member.memberId(), IssueSource.CLAIM,
                "m" + member.memberId() + ":" + idempotencyKey, location(request)));
        CouponResponse body = CouponResponse.of(issued.coupon());
        return issued.replayed() ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/api/v1/coupon/wallet")).body(body);
    }

    private static GeoPoint location(ClaimRequest request) {
        if (request == null || (request.latitude() == null && request.longitude() == null)) {
            return null;
        }
        if (request.latitude() == null || request.longitude() == null) {
            throw new InvalidCoordinates("latitude and longitude go together");
        }
        return new GeoPoint(request.latitude(), request.longitude());
    }
}
