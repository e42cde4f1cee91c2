package com.siyu.coupon.template.domain;

import java.util.List;
import java.util.Optional;

public interface TemplateRepository {

    CouponTemplate insert(CouponTemplate template, Long createdBy);

    Optional<CouponTemplate> find(long id);

    List<CouponTemplate> list(TemplateStatus status, int offset, int limit);
}
