package com.siyu.coupon.template.domain;

import com.siyu.common.problem.DomainException;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class CouponTemplates {

    private final TemplateRepository templates;

    public CouponTemplates(TemplateRepository templates) {
        this.templates = templates;
    }

    public CouponTemplate create(CouponTemplate draft, Long staffId) {
        return templates.insert(draft, staffId);
    }

    public CouponTemplate get(long id) {
        return templates.find(id).orElseThrow(() -> DomainException.notFound("Coupon template", id));
    }

    public List<CouponTemplate> list(TemplateStatus status, int page, int size) {
        return templates.list(status, page * size, size);
    }
}
