package com.siyu.coupon.template.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface TemplateRepository {

    /** Inserts the template (and a blind box's prizes). */
    CouponTemplate insert(CouponTemplate template, Long createdBy);

    Optional<CouponTemplate> find(long id);

    List<CouponTemplate> findAll(Collection<Long> ids);

    List<CouponTemplate> list(TemplateStatus status, int offset, int limit);

    /** A blind box's prizes that still have stock. */
    List<BlindBoxPrize> prizesInStock(long templateId);

    List<BlindBoxPrize> prizes(long templateId);

    /** Takes one from the stock of an active template: one conditional update of the template row. */
    boolean takeStock(long templateId);

    /** Takes one from a prize's stock: one conditional update; false when it ran out meanwhile. */
    boolean drawPrize(long prizeId);

    /** Moves the status only if it still is {@code from}. */
    boolean moveStatus(long id, TemplateStatus from, TemplateStatus to);

    void recordStatusChange(StatusChange change);

    List<StatusChange> statusChanges(long templateId);
}
