package com.siyu.coupon.template.api;

import com.siyu.common.context.Caller;
import com.siyu.common.web.StaffOnly;
import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.template.domain.CouponTemplates;
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

    TemplateAdminController(CouponTemplates templates) {
        this.templates = templates;
    }

    @PostMapping
    ResponseEntity<TemplateResponse> create(@Valid @RequestBody CreateTemplateRequest r) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        CouponTemplate created = templates.create(CouponTemplate.draft(r.name(), r.type(), r.valueFen(), r.thresholdFen(),
                r.discountPercent(), r.maxDiscountFen(), r.totalStock(), r.perMemberLimit(), r.validFrom(), r.validTo()), staff.staffId());
        return ResponseEntity.created(URI.create("/admin/v1/coupon/templates/" + created.id())).body(TemplateResponse.of(created));
    }

    @GetMapping
    List<TemplateResponse> list(@RequestParam(required = false) TemplateStatus status,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        StaffOnly.require();
        return templates.list(status, page, size).stream().map(TemplateResponse::of).toList();
    }

    @GetMapping("/{id}")
    TemplateResponse get(@PathVariable long id) {
        StaffOnly.require();
        return TemplateResponse.of(templates.get(id));
    }
}
