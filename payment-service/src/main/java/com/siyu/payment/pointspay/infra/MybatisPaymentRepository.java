package com.siyu.payment.pointspay.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.payment.pointspay.domain.MerchantOrderAlreadyPaid;
import com.siyu.payment.pointspay.domain.PayWithPoints;
import com.siyu.payment.pointspay.domain.PaymentRepository;
import com.siyu.payment.pointspay.domain.PointsPayment;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisPaymentRepository implements PaymentRepository {

    private final PaymentMapper mapper;
    private final Clock clock;

    MybatisPaymentRepository(PaymentMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public PointsPayment insert(String paymentNo, PayWithPoints request, long journalId) {
        PaymentRow row = new PaymentRow();
        row.tenantId = CallerContext.requireTenant();
        row.paymentNo = paymentNo;
        row.memberId = request.memberId();
        row.storeId = request.storeId();
        row.merchantOrderNo = request.merchantOrderNo();
        row.pointsUsed = request.points();
        row.pointsJournalId = journalId;
        row.status = "PAID";
        row.cashierStaffId = request.cashierStaffId();
        row.createdAt = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException e) {
            throw new MerchantOrderAlreadyPaid(request.merchantOrderNo());
        }
        return new PointsPayment(row.id, paymentNo, row.memberId, row.storeId, row.merchantOrderNo, row.pointsUsed,
                row.createdAt.toInstant(ZoneOffset.UTC));
    }

    @Override
    public Optional<PointsPayment> findByPaymentNo(String paymentNo) {
        return Optional.ofNullable(mapper.selectOne(new QueryWrapper<PaymentRow>().eq("payment_no", paymentNo)))
                .map(row -> new PointsPayment(row.id, row.paymentNo, row.memberId, row.storeId, row.merchantOrderNo,
                        row.pointsUsed, row.createdAt.toInstant(ZoneOffset.UTC)));
    }
}
