package com.siyu.coupon.template.api;

import com.siyu.coupon.template.domain.CouponTemplate;
import java.time.Instant;

public record TemplateResponse(long id, String name, String type, Long valueFen, Long thresholdFen, Integer discountPercent,
                               Long maxDiscountFen, int totalStock, int issuedCount, int perMemberLimit, Instant validFrom,
                               Instant validTo, String status) {

    static TemplateResponse of(CouponTemplate t) {
        return new TemplateResponse(t.id(), t.name(), t.type().name(), t.valueFen(), t.thresholdFen(), t.discountPercent(),
                t.maxDiscountFen(), t.totalStock(), t.issuedCount(), t.perMemberLimit(), t.validFrom(), t.validTo(), t.status().name());
    }
}
