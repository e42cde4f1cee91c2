package com.siyu.payment.checkout.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.payment.checkout.domain.Bill;
import com.siyu.payment.checkout.domain.DiscountKind;
import com.siyu.payment.checkout.domain.DiscountLine;
import com.siyu.payment.checkout.domain.MerchantOrder;
import com.siyu.payment.checkout.domain.NewPayment;
import com.siyu.payment.checkout.domain.OrderDraft;
import com.siyu.payment.checkout.domain.Payment;
import com.siyu.payment.checkout.domain.PaymentStatus;
import com.siyu.payment.checkout.domain.Payments;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.seata.spring.annotation.GlobalLock;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class MybatisPayments implements Payments {

    private final CheckoutPaymentMapper payments;
    private final MerchantOrderMapper orders;
    private final DiscountLineMapper lines;
    private final Clock clock;

    MybatisPayments(CheckoutPaymentMapper payments, MerchantOrderMapper orders, DiscountLineMapper lines, Clock clock) {
        this.payments = payments;
        this.orders = orders;
        this.lines = lines;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void create(NewPayment p) {
        long tenant = CallerContext.requireTenant();
        LocalDateTime now = time(clock.instant());
        Bill bill = p.bill();
        CheckoutPaymentRow row = new CheckoutPaymentRow();
        row.tenantId = tenant;
        row.paymentNo = p.paymentNo();
        row.memberId = p.memberId();
        row.status = PaymentStatus.PENDING.name();
        row.channel = p.channel();
        row.grossFen = bill.gross();
        row.pointsFen = bill.total(DiscountKind.POINTS);
        row.discountFen = bill.gross() - bill.payable() - row.pointsFen;
        row.pointsUsed = p.pointsUsed();
        row.cashFen = bill.payable();
        row.couponIds = p.couponIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        row.payerOpenid = p.payerOpenid();
        row.attribution = p.attribution();
        if (p.purchase() != null) {
            row.purchaseTemplateId = p.purchase().templateId();
            row.purchaseQuantity = p.purchase().quantity();
        }
        row.expiresAt = time(p.expiresAt());
        row.refundVersion = 0;
        row.createdAt = now;
        payments.insert(row);
        Map<Integer, MerchantOrderRow> byOrder = new HashMap<>();
        for (int i = 0; i < bill.orders().size(); i++) {
            OrderDraft draft = bill.orders().get(i);
            MerchantOrderRow order = new MerchantOrderRow();
            order.tenantId = tenant;
            order.paymentId = row.id;
            order.orderNo = p.paymentNo() + "-" + (i + 1);
            order.seq = i;
            order.merchantId = draft.merchantId();
            order.storeId = draft.storeId();
            order.category = draft.category();
            order.grossFen = draft.grossFen();
            order.pointsFen = bill.discount(i, DiscountKind.POINTS);
            order.cashFen = bill.payable(i);
            order.discountFen = draft.grossFen() - order.cashFen - order.pointsFen;
            order.refundedGrossFen = 0L;
            order.createdAt = now;
            orders.insert(order);
            byOrder.put(i, order);
        }
        for (DiscountLine line : bill.lines()) {
            MerchantOrderRow order = byOrder.get(line.order());
            DiscountLineRow l = new DiscountLineRow();
            l.tenantId = tenant;
            l.paymentId = row.id;
            l.merchantOrderId = order.id;
            l.merchantId = order.merchantId;
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
    public Optional<Payment> find(String paymentNo) {
        CheckoutPaymentRow row = payments.selectOne(new QueryWrapper<CheckoutPaymentRow>().eq("payment_no", paymentNo));
        if (row == null) {
            return Optional.empty();
        }
        List<MerchantOrderRow> orderRows = orders.selectList(new QueryWrapper<MerchantOrderRow>().eq("payment_id", row.id).orderByAsc("seq"));
        Map<Long, Integer> seqOf = orderRows.stream().collect(Collectors.toMap(o -> o.id, o -> o.seq));
        List<DiscountLine> discountLines = lines.selectList(new QueryWrapper<DiscountLineRow>().eq("payment_id", row.id).orderByAsc("id"))
                .stream()
                .map(l -> new DiscountLine(seqOf.get(l.merchantOrderId), DiscountKind.valueOf(l.kind), l.source, l.amountFen, l.platformFen,
                        l.merchantFen))
                .toList();
        List<MerchantOrder> merchantOrders = orderRows.stream()
                .map(o -> new MerchantOrder(o.orderNo, o.merchantId, o.storeId, o.category, o.grossFen, o.discountFen, o.pointsFen, o.cashFen,
                        o.refundedGrossFen))
                .toList();
        List<Long> couponIds = row.couponIds.isEmpty() ? List.of() : Arrays.stream(row.couponIds.split(",")).map(Long::valueOf).toList();
        return Optional.of(new Payment(row.paymentNo, row.memberId, PaymentStatus.valueOf(row.status), row.channel, row.grossFen,
                row.discountFen, row.pointsUsed, row.pointsFen, row.cashFen, couponIds, row.prepayId, row.transactionId, row.failureCode,
                instant(row.expiresAt), instant(row.paidAt), instant(row.rewardedAt), instant(row.createdAt), merchantOrders, discountLines,
                row.refundVersion, row.purchaseTemplateId == null ? null : new Payment.Purchase(row.purchaseTemplateId, row.purchaseQuantity),
                instant(row.fulfilledAt), row.attribution));
    }

    @Override
    public Optional<Long> tenantOf(String paymentNo) {
        return Optional.ofNullable(payments.tenantOf(paymentNo));
    }

    @Override
    public boolean markPaid(String paymentNo, String transactionId, Instant paidAt) {
        return payments.markPaid(paymentNo, transactionId, time(paidAt)) == 1;
    }

    @Override
    public boolean markFailed(String paymentNo, String failureCode) {
        return payments.markFailed(paymentNo, failureCode) == 1;
    }

    @Override
    public boolean markClosed(String paymentNo) {
        return payments.markClosed(paymentNo) == 1;
    }

    @Override
    public List<TenantPayment> expired(Instant now, int limit) {
        return payments.expired(time(now), limit).stream().map(r -> new TenantPayment(r.tenantId, r.paymentNo)).toList();
    }

    @Override
    public void recordPrepay(String paymentNo, String prepayId) {
        CheckoutPaymentRow change = new CheckoutPaymentRow();
        change.prepayId = prepayId;
        payments.update(change, new QueryWrapper<CheckoutPaymentRow>().eq("payment_no", paymentNo));
    }

    @Override
    public void markRewarded(String paymentNo, Instant at) {
        CheckoutPaymentRow change = new CheckoutPaymentRow();
        change.rewardedAt = time(at);
        payments.update(change, new QueryWrapper<CheckoutPaymentRow>().eq("payment_no", paymentNo).isNull("rewarded_at"));
    }

    /** SELECT … FOR UPDATE under Seata's @GlobalLock waits until no global transaction holds the row. */
    @Override
    @GlobalLock(lockRetryInterval = 100, lockRetryTimes = 200)
    @Transactional
    public Optional<PaymentStatus> settledStatus(String paymentNo) {
        return Optional.ofNullable(payments.statusForUpdate(paymentNo)).map(PaymentStatus::valueOf);
    }

    @Override
    public void markFulfilled(String paymentNo, Instant at) {
        CheckoutPaymentRow change = new CheckoutPaymentRow();
        change.fulfilledAt = time(at);
        payments.update(change, new QueryWrapper<CheckoutPaymentRow>().eq("payment_no", paymentNo).isNull("fulfilled_at"));
    }

    @Override
    public List<TenantPayment> unfulfilled(Instant paidBefore, int limit) {
        return payments.unfulfilled(time(paidBefore), limit).stream().map(r -> new TenantPayment(r.tenantId, r.paymentNo)).toList();
    }

    @Override
    public List<TenantPayment> unrewarded(Instant paidBefore, int limit) {
        return payments.unrewarded(time(paidBefore), limit).stream().map(r -> new TenantPayment(r.tenantId, r.paymentNo)).toList();
    }

    private static LocalDateTime time(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
