package com.siyu.coupon.template.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.template.domain.CouponType;
import com.siyu.coupon.template.domain.TemplateRepository;
import com.siyu.coupon.template.domain.TemplateStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class MybatisTemplateRepository implements TemplateRepository {

    private final TemplateMapper mapper;
    private final Clock clock;

    MybatisTemplateRepository(TemplateMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public CouponTemplate insert(CouponTemplate t, Long createdBy) {
        TemplateRow row = new TemplateRow();
        row.tenantId = CallerContext.requireTenant();
        row.name = t.name();
        row.type = t.type().name();
        row.valueFen = t.valueFen();
        row.thresholdFen = t.thresholdFen();
        row.discountPercent = t.discountPercent();
        row.maxDiscountFen = t.maxDiscountFen();
        row.totalStock = t.totalStock();
        row.issuedCount = t.issuedCount();
        row.perMemberLimit = t.perMemberLimit();
        row.validFrom = utc(t.validFrom());
        row.validTo = utc(t.validTo());
        row.status = t.status().name();
        row.createdBy = createdBy;
        row.createdAt = utc(clock.instant());
        row.updatedAt = row.createdAt;
        mapper.insert(row);
        return toTemplate(row);
    }

    @Override
    public Optional<CouponTemplate> find(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(MybatisTemplateRepository::toTemplate);
    }

    @Override
    public List<CouponTemplate> list(TemplateStatus status, int offset, int limit) {
        QueryWrapper<TemplateRow> query = new QueryWrapper<TemplateRow>().orderByDesc("id").last("limit " + offset + ", " + limit);
        if (status != null) {
            query.eq("status", status.name());
        }
        return mapper.selectList(query).stream().map(MybatisTemplateRepository::toTemplate).toList();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static CouponTemplate toTemplate(TemplateRow r) {
        return new CouponTemplate(r.id, r.name, CouponType.valueOf(r.type), r.valueFen, r.thresholdFen, r.discountPercent,
                r.maxDiscountFen, r.totalStock, r.issuedCount, r.perMemberLimit, r.validFrom.toInstant(ZoneOffset.UTC),
                r.validTo.toInstant(ZoneOffset.UTC), TemplateStatus.valueOf(r.status));
    }
}
