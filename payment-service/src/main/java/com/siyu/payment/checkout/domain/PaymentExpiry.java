package com.siyu.payment.checkout.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Closes payments nobody paid in time. The channel is asked first: a payment whose notification was
 * lost is settled, not closed. Otherwise the order is closed at the channel (so it can no longer be
 * paid) before its coupons and points are released in a global transaction. A channel failure leaves
 * the payment PENDING for the next run.
 */
@Service
public class PaymentExpiry {

    private static final Logger log = LoggerFactory.getLogger(PaymentExpiry.class);

    private final Payments payments;
    private final PaymentChannel channel;
    private final PaymentTransactions transactions;
    private final Settlement settlement;
    private final Clock clock;

    public PaymentExpiry(Payments payments, PaymentChannel channel, PaymentTransactions transactions, Settlement settlement, Clock clock) {
        this.payments = payments;
        this.channel = channel;
        this.transactions = transactions;
        this.settlement = settlement;
        this.clock = clock;
    }

    public enum Result { CLOSED, SETTLED, SKIPPED }

    /** Handles up to {@code limit} expired payments; returns how many were looked at. */
    public int closeDue(int limit) {
        var due = payments.expired(clock.instant(), limit);
        for (Payments.TenantPayment p : due) {
            try {
                CallerContext.callAs(Caller.system(p.tenantId()), () -> expire(p.paymentNo()));
            } catch (RuntimeException e) {
                log.warn("Could not close expired payment {} now, will retry: {}", p.paymentNo(), e.getMessage());
            }
        }
        return due.size();
    }

    /** In the payment's tenant. */
    public Result expire(String paymentNo) {
        Optional<ChannelPaid> paid = channel.query(paymentNo);
        if (paid.isPresent()) {
            log.warn("Expired payment {} was paid at the channel (transaction {}): settling it", paymentNo, paid.get().transactionId());
            settlement.settle(paid.get());
            return Result.SETTLED;
        }
        channel.close(paymentNo);
        if (transactions.close(paymentNo)) {
            log.info("Payment {} expired unpaid: closed, coupons and points released", paymentNo);
            return Result.CLOSED;
        }
        return Result.SKIPPED;
    }
}
