package com.siyu.coupon.template.api;

import com.siyu.common.context.CallerContext;
import com.siyu.coupon.template.domain.CouponTemplates;
import com.siyu.coupon.template.domain.TemplateStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The active templates of the shopper's tenant (the claim centre of the mini-program). */
@RestController
@Validated
class TemplateShopperController {

    private final CouponTemplates templates;

    TemplateShopperController(CouponTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/api/v1/coupon/templates")
    List<TemplateResponse> active(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        CallerContext.requireTenant();
        return templates.list(TemplateStatus.ACTIVE, page, size).stream().map(TemplateResponse::of).toList();
    }
}
