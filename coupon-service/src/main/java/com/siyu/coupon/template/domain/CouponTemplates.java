package com.siyu.coupon.template.domain;

import com.siyu.common.problem.DomainException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CouponTemplates {

    private final TemplateRepository templates;
    private final Clock clock;

    public CouponTemplates(TemplateRepository templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional
    public CouponTemplate create(CouponTemplate draft, Long staffId) {
        return templates.insert(draft, staffId);
    }

    public CouponTemplate get(long id) {
        return templates.find(id).orElseThrow(() -> DomainException.notFound("Coupon template", id));
    }

    public List<CouponTemplate> list(TemplateStatus status, int page, int size) {
        return templates.list(status, page * size, size);
    }

    public List<BlindBoxPrize> prizes(long id) {
        return templates.prizes(id);
    }

    /** Moves a template along its lifecycle and records who did it and why; a lost race is refused, not applied twice. */
    @Transactional
    public CouponTemplate transition(long id, TemplateStatus to, Long staffId, String reason) {
        CouponTemplate template = get(id);
        if (!template.status().canMoveTo(to) || !templates.moveStatus(id, template.status(), to)) {
            throw new TemplateTransitionRefused(id, template.status(), to);
        }
        templates.recordStatusChange(new StatusChange(id, template.status(), to, staffId, reason, clock.instant()));
        return template.withStatus(to);
    }

    public List<StatusChange> statusChanges(long id) {
        get(id);
        return templates.statusChanges(id);
    }
}
