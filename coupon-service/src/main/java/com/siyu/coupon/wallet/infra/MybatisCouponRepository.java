package com.siyu.coupon.wallet.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.coupon.wallet.domain.Coupon;
import com.siyu.coupon.wallet.domain.CouponRepository;
import com.siyu.coupon.wallet.domain.CouponStatus;
import com.siyu.coupon.wallet.domain.IssueSource;
import com.siyu.coupon.wallet.domain.IssuedCounts;
import com.siyu.coupon.wallet.domain.NewCoupon;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisCouponRepository implements CouponRepository {

    private final CouponMapper coupons;
    private final QuotaMapper quotas;
    private final Clock clock;

    MybatisCouponRepository(CouponMapper coupons, QuotaMapper quotas, Clock clock) {
        this.coupons = coupons;
        this.quotas = quotas;
        this.clock = clock;
    }

    @Override
    public Optional<Coupon> find(long id) {
        return Optional.ofNullable(coupons.selectById(id)).map(MybatisCouponRepository::toCoupon);
    }

    @Override
    public Optional<Coupon> findByIssueKey(String issueKey) {
        return Optional.ofNullable(coupons.selectOne(new QueryWrapper<CouponRow>().eq("issue_key", issueKey)))
                .map(MybatisCouponRepository::toCoupon);
    }

    @Override
    public List<Coupon> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return coupons.selectList(new QueryWrapper<CouponRow>().in("id", ids)).stream().map(MybatisCouponRepository::toCoupon).toList();
    }

    @Override
    public List<Coupon> ofMember(long memberId, CouponStatus status, int limit) {
        QueryWrapper<CouponRow> query = new QueryWrapper<CouponRow>().eq("member_id", memberId).eq("status", status.name());
        query = status == CouponStatus.AVAILABLE || status == CouponStatus.LOCKED
                ? query.orderByAsc("valid_to", "id") : query.orderByDesc("updated_at", "id");
        return coupons.selectList(query.last("limit " + limit)).stream().map(MybatisCouponRepository::toCoupon).toList();
    }

    @Override
    public Coupon insert(NewCoupon c) {
        CouponRow row = new CouponRow();
        row.tenantId = CallerContext.requireTenant();
        row.templateId = c.templateId();
        row.memberId = c.memberId();
        row.seq = c.seq();
        row.issueKey = c.issueKey();
        row.source = c.source().name();
        row.status = CouponStatus.AVAILABLE.name();
        row.validFrom = utc(c.validFrom());
        row.validTo = utc(c.validTo());
        row.itemId = c.prizeId();
        row.itemName = c.itemName();
        row.createdAt = now();
        row.updatedAt = row.createdAt;
        coupons.insert(row);
        return toCoupon(row);
    }

    @Override
    public void ensureQuota(long templateId, long memberId) {
        if (quotas.claimed(templateId, memberId) != null) {
            return;
        }
        QuotaRow row = new QuotaRow();
        row.tenantId = CallerContext.requireTenant();
        row.templateId = templateId;
        row.memberId = memberId;
        row.claimed = 0;
        row.dayClaimed = 0;
        row.createdAt = now();
        row.updatedAt = row.createdAt;
        try {
            quotas.insert(row);
        } catch (DuplicateKeyException createdConcurrently) {
            // the unique (tenant, template, member) key decided: the row exists now
        }
    }

    @Override
    public OptionalInt takeQuota(long templateId, long memberId, int limit, Integer dailyLimit, LocalDate day) {
        if (quotas.take(templateId, memberId, limit, dailyLimit, day, now()) != 1) {
            return OptionalInt.empty();
        }
        // our own uncommitted update: this transaction holds the row lock, so this is the value we set
        return OptionalInt.of(quotas.claimed(templateId, memberId));
    }

    @Override
    public boolean lock(long couponId, long memberId, String paymentId, Instant at) {
        return coupons.lock(couponId, memberId, paymentId, utc(at)) == 1;
    }

    @Override
    public int redeem(String paymentId, Instant at) {
        return coupons.redeem(paymentId, utc(at));
    }

    @Override
    public int release(String paymentId, Instant at) {
        return coupons.release(paymentId, utc(at));
    }

    @Override
    public boolean revoke(String issueKey, Instant at) {
        return coupons.revoke(issueKey, utc(at)) == 1;
    }

    @Override
    public boolean restore(long couponId, String paymentId, Instant at) {
        return coupons.restore(couponId, paymentId, utc(at)) == 1;
    }

    @Override
    public int expire(Instant asOf, int limit) {
        List<Long> ids = coupons.selectList(new QueryWrapper<CouponRow>().select("id").eq("status", CouponStatus.AVAILABLE.name())
                .le("valid_to", utc(asOf)).orderByAsc("id").last("limit " + limit)).stream().map(r -> r.id).toList();
        if (ids.isEmpty()) {
            return 0;
        }
        return coupons.update(null, new UpdateWrapper<CouponRow>().set("status", CouponStatus.EXPIRED.name()).set("updated_at", now())
                .in("id", ids).eq("status", CouponStatus.AVAILABLE.name()).le("valid_to", utc(asOf)));
    }

    @Override
    public List<Coupon> dueForReminder(Instant asOf, Instant horizon, int limit) {
        return coupons.selectList(new QueryWrapper<CouponRow>().eq("status", CouponStatus.AVAILABLE.name()).isNull("reminded_at")
                        .gt("valid_to", utc(asOf)).le("valid_to", utc(horizon)).orderByAsc("id").last("limit " + limit))
                .stream().map(MybatisCouponRepository::toCoupon).toList();
    }

    @Override
    public boolean markReminded(long couponId, Instant at) {
        return coupons.markReminded(couponId, utc(at)) == 1;
    }

    @Override
    public List<Long> tenantsWithCouponsEndingBy(Instant horizon) {
        return coupons.tenantsWithCouponsEndingBy(utc(horizon));
    }

    @Override
    public IssuedCounts issuedCounts(long templateId) {
        long rows = coupons.selectCount(new QueryWrapper<CouponRow>().eq("template_id", templateId));
        return new IssuedCounts(rows, quotas.sumClaimed(templateId));
    }

    private LocalDateTime now() {
        return utc(clock.instant());
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static Coupon toCoupon(CouponRow r) {
        return new Coupon(r.id, r.templateId, r.memberId, r.seq, r.issueKey, IssueSource.valueOf(r.source),
                CouponStatus.valueOf(r.status), instant(r.validFrom), instant(r.validTo), r.itemId, r.itemName, r.lockPaymentId,
                r.usedPaymentId, r.wxCardCode, instant(r.createdAt));
    }
}
