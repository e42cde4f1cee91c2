package com.siyu.payment.landing.api;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.payment.checkout.api.Shoppers;
import com.siyu.payment.landing.domain.Landing;
import com.siyu.payment.landing.domain.LandingPages;
import com.siyu.payment.landing.domain.LandingService;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators configure the landing pages; the shopper reads the ones of a paid payment. */
@RestController
class LandingController {

    private static final String[] EDITORS = {"OPERATOR", "MANAGER", "TENANT_ADMIN"};

    private final LandingService landings;
    private final com.siyu.payment.client.References references;

    LandingController(LandingService landings, com.siyu.payment.client.References references) {
        this.landings = landings;
        this.references = references;
    }

    @PutMapping("/admin/v1/payment/landing-pages/default")
    LandingResponse setDefault(@Valid @RequestBody LandingRequest r) {
        Caller staff = StaffOnly.require("OPERATOR", "TENANT_ADMIN");
        return LandingResponse.of(landings.set(LandingPages.TENANT_DEFAULT, landing(r), staff.staffId()));
    }

    @GetMapping("/admin/v1/payment/landing-pages/default")
    LandingResponse getDefault() {
        StaffOnly.require();
        return LandingResponse.of(landings.effective(LandingPages.TENANT_DEFAULT));
    }

    @PutMapping("/admin/v1/payment/landing-pages/merchants/{merchantId}")
    LandingResponse set(@PathVariable long merchantId, @Valid @RequestBody LandingRequest r) {
        Caller staff = StaffOnly.require(EDITORS);
        return LandingResponse.of(landings.set(positive(merchantId), landing(r), staff.staffId()));
    }

    @GetMapping("/admin/v1/payment/landing-pages/merchants/{merchantId}")
    LandingResponse get(@PathVariable long merchantId) {
        StaffOnly.require();
        references.merchantFound(positive(merchantId));
        return LandingResponse.of(landings.effective(merchantId));
    }

    /** The counter falls back to the tenant default. */
    @DeleteMapping("/admin/v1/payment/landing-pages/merchants/{merchantId}")
    ResponseEntity<Void> remove(@PathVariable long merchantId) {
        StaffOnly.require(EDITORS);
        landings.remove(positive(merchantId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/payment/payments/{paymentNo}/landing")
    List<LandingResponse> afterPayment(@PathVariable String paymentNo) {
        return landings.afterPayment(paymentNo, Shoppers.memberId()).stream()
                .map(o -> LandingResponse.of(o.orderNo(), o.merchantId(), o.source(), o.landing())).toList();
    }

    private static Landing landing(LandingRequest r) {
        return new Landing(r.couponTemplateId(), blankToNull(r.activityPath()), r.followOfficialAccount(), blankToNull(r.wecomContactUrl()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static long positive(long merchantId) {
        if (merchantId <= 0) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "merchantId must be positive");
        }
        return merchantId;
    }
}
