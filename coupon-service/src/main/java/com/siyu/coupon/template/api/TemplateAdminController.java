package com.siyu.coupon.template.api;

import com.siyu.common.context.Caller;
import com.siyu.common.web.StaffOnly;
import com.siyu.coupon.issuing.domain.GeoFence;
import com.siyu.coupon.template.domain.BlindBoxPrize;
import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.template.domain.CouponTemplates;
import com.siyu.coupon.template.domain.CouponType;
import com.siyu.coupon.template.domain.TemplateStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/admin/v1/coupon/templates")
class TemplateAdminController {

    private final CouponTemplates templates;
    private final GeoFence fence;
    private final com.siyu.coupon.client.References references;

    TemplateAdminController(CouponTemplates templates, GeoFence fence, com.siyu.coupon.client.References references) {
        this.references = references;
        this.templates = templates;
        this.fence = fence;
    }

    @PostMapping
    ResponseEntity<TemplateResponse> create(@Valid @RequestBody CreateTemplateRequest r) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        // a scope naming another tenant's stores or counters is refused, not stored
        references.stores("storeIds", r.storeIds());
        references.merchants("merchantIds", r.merchantIds());
        references.merchants("excludedMerchantIds", r.excludedMerchantIds());
        CouponTemplate draft = CouponTemplate.draft(r.name(), r.type(), r.valueFen(), r.thresholdFen(), r.discountPercent(),
                r.maxDiscountFen(), r.totalStock(), r.perMemberLimit(), r.validFrom(), r.validTo(), r.rules());
        fence.checkStoresOf(draft);
        CouponTemplate created = templates.create(draft, staff.staffId());
        return ResponseEntity.created(URI.create("/admin/v1/coupon/templates/" + created.id()))
                .body(TemplateResponse.of(created, prizes(created)));
    }

    @GetMapping
    List<TemplateResponse> list(@RequestParam(required = false) TemplateStatus status,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        StaffOnly.require();
        return templates.list(status, page, size).stream().map(TemplateResponse::of).toList();
    }

    @GetMapping("/{id}")
    TemplateResponse get(@PathVariable long id) {
        StaffOnly.require();
        CouponTemplate template = templates.get(id);
        return TemplateResponse.of(template, prizes(template));
    }

    /** draft → active → paused ⇄ active → ended; every change lands in the audit trail. */
    @PostMapping("/{id}/transitions")
    TemplateResponse transition(@PathVariable long id, @Valid @RequestBody TransitionRequest r) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return TemplateResponse.of(templates.transition(id, r.to(), staff.staffId(), r.reason()));
    }

    @GetMapping("/{id}/audit")
    List<StatusChangeResponse> audit(@PathVariable long id) {
        StaffOnly.require();
        return templates.statusChanges(id).stream().map(StatusChangeResponse::of).toList();
    }

    private List<BlindBoxPrize> prizes(CouponTemplate template) {
        return template.type() == CouponType.BLIND_BOX ? templates.prizes(template.id()) : List.of();
    }
}
