package com.siyu.payment.refund.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.payment.checkout.domain.DiscountLine;
import com.siyu.payment.refund.domain.Refund;
import com.siyu.payment.refund.domain.RefundPlan;
import com.siyu.payment.refund.domain.RefundStatus;
import com.siyu.payment.refund.domain.Refunds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class MybatisRefunds implements Refunds {

    /** A refund recorded but not handed to the channel (the process died in between) is picked up by the job after this. */
    private static final Duration ORPHAN_AFTER = Duration.ofSeconds(30);
    private static final int ERROR_LENGTH = 300;

    private final RefundMapper refunds;
    private final RefundLineMapper lines;
    private final Clock clock;

    MybatisRefunds(RefundMapper refunds, RefundLineMapper lines, Clock clock) {
        this.refunds = refunds;
        this.lines = lines;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean claim(String paymentNo, int refundVersion, String orderNo, long refundedGrossBefore, long grossFen) {
        if (refunds.claimPayment(paymentNo, refundVersion) != 1) {
            return false;
        }
        if (refunds.claimOrder(orderNo, refundedGrossBefore, grossFen) != 1) {
            throw new IllegalStateException("order " + orderNo + " changed while its payment's refunds were serialized");
        }
        return true;
    }

    @Override
    @Transactional
    public void record(NewRefund r) {
        RefundPlan plan = r.plan();
        LocalDateTime now = time(clock.instant());
        RefundRow row = new RefundRow();
        row.tenantId = CallerContext.requireTenant();
        row.refundNo = r.refundNo();
        row.paymentNo = r.paymentNo();
        row.orderNo = plan.order().orderNo();
        row.memberId = r.memberId();
        row.merchantId = plan.order().merchantId();
        row.storeId = plan.order().storeId();
        row.status = RefundStatus.PROCESSING.name();
        row.channel = r.channel();
        row.grossFen = plan.grossFen();
        row.cashFen = plan.cashFen();
        row.pointsFen = plan.pointsFen();
        row.pointsReturned = plan.pointsToReturn();
        row.pointsReversed = r.pointsReversed();
        row.restoredCouponIds = ids(r.restoredCouponIds());
        row.revokedCouponIds = ids(r.revokedCouponIds());
        row.orderFullyRefunded = plan.orderFullyRefunded();
        row.reason = r.reason();
        row.requestedBy = r.requestedBy();
        row.attempts = 0;
        row.nextAttemptAt = time(clock.instant().plus(ORPHAN_AFTER));
        row.createdAt = now;
        refunds.insert(row);
        for (DiscountLine line : plan.reversed()) {
            RefundLineRow l = new RefundLineRow();
            l.tenantId = row.tenantId;
            l.refundId = row.id;
            l.merchantId = plan.order().merchantId();
            l.kind = line.kind().name();
            l.source = line.source();
            l.amountFen = line.amountFen();
            l.platformFen = line.platformFen();
            l.merchantFen = line.merchantFen();
            l.createdAt = now;
            lines.insert(l);
        }
    }

    @Override
    public Optional<Refund> find(String refundNo) {
        return Optional.ofNullable(refunds.selectOne(new QueryWrapper<RefundRow>().eq("refund_no", refundNo))).map(MybatisRefunds::refund);
    }

    @Override
    public List<Refund> ofPayment(String paymentNo) {
        return refunds.selectList(new QueryWrapper<RefundRow>().eq("payment_no", paymentNo).orderByAsc("id")).stream()
                .map(MybatisRefunds::refund).toList();
    }

    @Override
    public Optional<Long> tenantOf(String refundNo) {
        return Optional.ofNullable(refunds.tenantOf(refundNo));
    }

    @Override
    public void markSubmitted(String refundNo, String channelRefundId, Instant at, Instant checkAt) {
        refunds.markSubmitted(refundNo, channelRefundId, time(at), time(checkAt));
    }

    @Override
    public void markAttemptFailed(String refundNo, String error, Instant nextAttemptAt) {
        String message = error == null ? "unknown" : error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
        refunds.markAttemptFailed(refundNo, message, time(nextAttemptAt));
    }

    @Override
    public boolean markSucceeded(String refundNo, String channelRefundId, Instant at) {
        return refunds.markSucceeded(refundNo, channelRefundId, time(at)) == 1;
    }

    @Override
    public boolean markAbnormal(String refundNo, String error) {
        return refunds.markAbnormal(refundNo, error) == 1;
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return refunds.due(time(now), limit).stream().map(r -> new Due(r.tenantId, r.refundNo)).toList();
    }

    @Override
    public Subsidy subsidy(long merchantId, Instant from, Instant to) {
        Map<String, Object> granted = lines.granted(merchantId, time(from), time(to));
        Map<String, Object> reversed = lines.reversed(merchantId, time(from), time(to));
        return new Subsidy(merchantId, number(granted, "platformFen"), number(granted, "merchantFen"), number(reversed, "platformFen"),
                number(reversed, "merchantFen"));
    }

    private static long number(Map<String, Object> row, String key) {
        Object value = row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).findFirst().orElse(0);
        return ((Number) value).longValue();
    }

    private static Refund refund(RefundRow r) {
        return new Refund(r.refundNo, r.paymentNo, r.orderNo, r.memberId, r.merchantId, r.storeId, RefundStatus.valueOf(r.status), r.channel,
                r.grossFen, r.cashFen, r.pointsFen, r.pointsReturned, r.pointsReversed, ids(r.restoredCouponIds), ids(r.revokedCouponIds),
                r.orderFullyRefunded, r.reason, r.requestedBy,
                r.channelRefundId, r.attempts, r.lastError, instant(r.submittedAt), instant(r.succeededAt), instant(r.createdAt));
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> ids(String ids) {
        return ids == null || ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    }

    private static LocalDateTime time(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
