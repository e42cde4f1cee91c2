package com.siyu.coupon.template.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.coupon.template.domain.BlindBoxPrize;
import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.template.domain.CouponType;
import com.siyu.coupon.template.domain.RefundPolicy;
import com.siyu.coupon.template.domain.Scope;
import com.siyu.coupon.template.domain.Stacking;
import com.siyu.coupon.template.domain.StatusChange;
import com.siyu.coupon.template.domain.TemplateRepository;
import com.siyu.coupon.template.domain.TemplateRules;
import com.siyu.coupon.template.domain.TemplateStatus;
import com.siyu.coupon.template.domain.UsableWindow;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class MybatisTemplateRepository implements TemplateRepository {

    private final TemplateMapper mapper;
    private final PrizeMapper prizes;
    private final AuditMapper audit;
    private final Clock clock;

    MybatisTemplateRepository(TemplateMapper mapper, PrizeMapper prizes, AuditMapper audit, Clock clock) {
        this.mapper = mapper;
        this.prizes = prizes;
        this.audit = audit;
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
        row.createdAt = now();
        row.updatedAt = row.createdAt;
        TemplateRules r = t.rules();
        row.itemName = r.itemName();
        row.priceFen = r.priceFen();
        row.minSpendFen = r.minSpendFen();
        row.perMemberDailyLimit = r.perMemberDailyLimit();
        row.validDays = r.validDays();
        row.usableFromMinute = r.usableWindow().fromMinute();
        row.usableToMinute = r.usableWindow().toMinute();
        row.usableWeekdays = Csv.join(r.usableWindow().weekdays().stream().map(DayOfWeek::getValue).toList());
        row.storeIds = Csv.join(r.scope().storeIds());
        row.merchantIds = Csv.join(r.scope().merchantIds());
        row.categories = Csv.join(r.scope().categories());
        row.excludedMerchantIds = Csv.join(r.scope().excludedMerchantIds());
        row.excludedCategories = Csv.join(r.scope().excludedCategories());
        row.stacksWithPoints = r.stacking().withPoints();
        row.stacksWithTypes = Csv.join(r.stacking().withTypes());
        row.merchantSharePercent = r.merchantSharePercent();
        row.refundPolicy = r.refundPolicy().name();
        row.geoRadiusM = r.geoRadiusMeters();
        row.wxCardId = r.wxCardId();
        mapper.insert(row);
        for (BlindBoxPrize prize : r.prizes()) {
            PrizeRow p = new PrizeRow();
            p.tenantId = row.tenantId;
            p.templateId = row.id;
            p.name = prize.name();
            p.weight = prize.weight();
            p.stock = prize.stock();
            p.drawn = 0;
            p.createdAt = row.createdAt;
            p.updatedAt = row.createdAt;
            prizes.insert(p);
        }
        return toTemplate(row);
    }

    @Override
    public Optional<CouponTemplate> find(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(MybatisTemplateRepository::toTemplate);
    }

    @Override
    public List<CouponTemplate> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mapper.selectList(new QueryWrapper<TemplateRow>().in("id", ids)).stream().map(MybatisTemplateRepository::toTemplate).toList();
    }

    @Override
    public List<CouponTemplate> list(TemplateStatus status, int offset, int limit) {
        QueryWrapper<TemplateRow> query = new QueryWrapper<TemplateRow>().orderByDesc("id").last("limit " + offset + ", " + limit);
        if (status != null) {
            query.eq("status", status.name());
        }
        return mapper.selectList(query).stream().map(MybatisTemplateRepository::toTemplate).toList();
    }

    @Override
    public List<BlindBoxPrize> prizesInStock(long templateId) {
        return prizes.selectList(new QueryWrapper<PrizeRow>().eq("template_id", templateId).apply("drawn < stock").orderByAsc("id"))
                .stream().map(MybatisTemplateRepository::toPrize).toList();
    }

    @Override
    public List<BlindBoxPrize> prizes(long templateId) {
        return prizes.selectList(new QueryWrapper<PrizeRow>().eq("template_id", templateId).orderByAsc("id"))
                .stream().map(MybatisTemplateRepository::toPrize).toList();
    }

    @Override
    public boolean takeStock(long templateId) {
        return mapper.takeStock(templateId, now()) == 1;
    }

    @Override
    public boolean drawPrize(long prizeId) {
        return prizes.draw(prizeId, now()) == 1;
    }

    @Override
    public boolean moveStatus(long id, TemplateStatus from, TemplateStatus to) {
        return mapper.moveStatus(id, from.name(), to.name(), now()) == 1;
    }

    @Override
    public void recordStatusChange(StatusChange change) {
        AuditRow row = new AuditRow();
        row.tenantId = CallerContext.requireTenant();
        row.templateId = change.templateId();
        row.fromStatus = change.from().name();
        row.toStatus = change.to().name();
        row.staffId = change.staffId();
        row.reason = change.reason();
        row.createdAt = utc(change.at());
        audit.insert(row);
    }

    @Override
    public List<StatusChange> statusChanges(long templateId) {
        return audit.selectList(new QueryWrapper<AuditRow>().eq("template_id", templateId).orderByAsc("id")).stream()
                .map(a -> new StatusChange(a.templateId, TemplateStatus.valueOf(a.fromStatus), TemplateStatus.valueOf(a.toStatus),
                        a.staffId, a.reason, a.createdAt.toInstant(ZoneOffset.UTC)))
                .toList();
    }

    private LocalDateTime now() {
        return utc(clock.instant());
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static BlindBoxPrize toPrize(PrizeRow p) {
        return new BlindBoxPrize(p.id, p.name, p.weight, p.stock, p.drawn);
    }

    private static CouponTemplate toTemplate(TemplateRow r) {
        TemplateRules rules = new TemplateRules(r.itemName, r.priceFen, r.minSpendFen, r.perMemberDailyLimit, r.validDays,
                new UsableWindow(r.usableFromMinute, r.usableToMinute, Csv.split(r.usableWeekdays, s -> DayOfWeek.of(Integer.parseInt(s)))),
                new Scope(Csv.split(r.storeIds, Long::valueOf), Csv.split(r.merchantIds, Long::valueOf), Csv.split(r.categories, s -> s),
                        Csv.split(r.excludedMerchantIds, Long::valueOf), Csv.split(r.excludedCategories, s -> s)),
                new Stacking(r.stacksWithPoints == null || r.stacksWithPoints, Csv.split(r.stacksWithTypes, CouponType::valueOf)),
                r.merchantSharePercent == null ? 0 : r.merchantSharePercent,
                r.refundPolicy == null ? RefundPolicy.RESTORE : RefundPolicy.valueOf(r.refundPolicy),
                r.geoRadiusM, r.wxCardId, List.of());
        return new CouponTemplate(r.id, r.name, CouponType.valueOf(r.type), r.valueFen, r.thresholdFen, r.discountPercent,
                r.maxDiscountFen, r.totalStock, r.issuedCount, r.perMemberLimit, r.validFrom.toInstant(ZoneOffset.UTC),
                r.validTo.toInstant(ZoneOffset.UTC), TemplateStatus.valueOf(r.status), rules);
    }
}
