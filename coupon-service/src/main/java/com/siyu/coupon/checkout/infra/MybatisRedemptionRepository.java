package com.siyu.coupon.checkout.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.coupon.checkout.domain.AppliedCoupon;
import com.siyu.coupon.checkout.domain.Redemption;
import com.siyu.coupon.checkout.domain.RedemptionRepository;
import com.siyu.coupon.checkout.domain.RedemptionStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
class MybatisRedemptionRepository implements RedemptionRepository {

    private final RedemptionMapper mapper;

    MybatisRedemptionRepository(RedemptionMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public List<Redemption> ofPayment(String paymentId) {
        return mapper.selectList(new QueryWrapper<RedemptionRow>().eq("payment_id", paymentId).orderByAsc("id")).stream()
                .map(r -> new Redemption(r.id, r.paymentId, r.couponId, r.memberId, r.templateId, r.discountFen, r.merchantFen,
                        r.platformFen, RedemptionStatus.valueOf(r.status)))
                .toList();
    }

    @Override
    public void insert(String paymentId, long memberId, List<AppliedCoupon> coupons, Instant at) {
        for (AppliedCoupon coupon : coupons) {
            RedemptionRow row = new RedemptionRow();
            row.tenantId = CallerContext.requireTenant();
            row.paymentId = paymentId;
            row.couponId = coupon.couponId();
            row.memberId = memberId;
            row.templateId = coupon.templateId();
            row.discountFen = coupon.discountFen();
            row.merchantFen = coupon.merchantFen();
            row.platformFen = coupon.platformFen();
            row.status = RedemptionStatus.LOCKED.name();
            row.createdAt = utc(at);
            row.updatedAt = row.createdAt;
            mapper.insert(row);
        }
    }

    @Override
    public int move(String paymentId, RedemptionStatus from, RedemptionStatus to, Instant at) {
        return mapper.move(paymentId, from.name(), to.name(), utc(at));
    }

    @Override
    public boolean moveOne(long id, RedemptionStatus from, RedemptionStatus to, Instant at) {
        return mapper.moveOne(id, from.name(), to.name(), utc(at)) == 1;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
