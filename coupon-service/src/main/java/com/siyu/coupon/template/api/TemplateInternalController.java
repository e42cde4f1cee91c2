package com.siyu.coupon.template.api;

import com.siyu.common.context.CallerContext;
import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.template.domain.CouponTemplates;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * For payment-service: what a template is (a landing page offering it to claim, a group-buy voucher or
 * blind box sold for money), in the caller's tenant.
 */
@RestController
class TemplateInternalController {

    private final CouponTemplates templates;

    TemplateInternalController(CouponTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/internal/coupon/templates/{id}")
    TemplateSummaryResponse get(@PathVariable long id) {
        CallerContext.requireTenant();
        CouponTemplate t = templates.get(id);
        return new TemplateSummaryResponse(t.id(), t.name(), t.type().name(), t.status().name(), t.valueFen(), t.rules().priceFen(),
                List.copyOf(t.rules().scope().storeIds()), List.copyOf(t.rules().scope().merchantIds()));
    }

    /** {@code priceFen}: what it sells for (group-buy, blind box), null when it is not sold. */
    record TemplateSummaryResponse(long id, String name, String type, String status, Long valueFen, Long priceFen, List<Long> storeIds,
                                   List<Long> merchantIds) {
    }
}
