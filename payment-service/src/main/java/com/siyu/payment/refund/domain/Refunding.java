package com.siyu.payment.refund.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.payment.checkout.domain.ChannelFailed;
import com.siyu.payment.checkout.domain.ChannelNotifications;
import com.siyu.payment.checkout.domain.ChannelRefund;
import com.siyu.payment.checkout.domain.MerchantOrder;
import com.siyu.payment.checkout.domain.NotificationRejected;
import com.siyu.payment.checkout.domain.Outbox;
import com.siyu.payment.checkout.domain.Payment;
import com.siyu.payment.checkout.domain.PaymentChannel;
import com.siyu.payment.checkout.domain.PaymentStatus;
import com.siyu.payment.checkout.domain.Payments;
import com.siyu.payment.checkout.domain.Settlement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds, full or partial, per shop order. First one global transaction gives back what lives in our
 * services (points returned, earned points reversed, coupons restored, subsidies reversed, the refund
 * recorded); then the channel is asked to return the cash, outside it. The refund is a commitment from
 * then on: a channel that refuses or does not answer is asked again with the same refund number (the
 * channel refunds once) until it accepts; an accepted refund that is not confirmed is asked about.
 * {@code PaymentRefunded} is written to the outbox once, when the cash is back.
 */
@Service
public class Refunding {

    private static final Logger log = LoggerFactory.getLogger(Refunding.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY = Duration.ofHours(1);
    private static final Duration CONFIRMATION_CHECK = Duration.ofMinutes(1);
    /** After this many refusals (about 7 h with the backoff) a refund is ABNORMAL: a person has to look at it. */
    public static final int MAX_CHANNEL_ATTEMPTS = 15;

    private final Payments payments;
    private final Settlement settlement;
    private final RefundTransactions transactions;
    private final Refunds refunds;
    private final PaymentChannel channel;
    private final ChannelNotifications notifications;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Refunding(Payments payments, Settlement settlement, RefundTransactions transactions, Refunds refunds, PaymentChannel channel,
                     ChannelNotifications notifications, Outbox outbox, TransactionTemplate tx, Clock clock) {
        this.payments = payments;
        this.settlement = settlement;
        this.transactions = transactions;
        this.refunds = refunds;
        this.channel = channel;
        this.notifications = notifications;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * {@code grossFen}: the price of what comes back, before discounts; null = the rest of the order.
     * {@code onlyStore}: the refunding cashier's store (the order must be of it); null = any of the tenant's.
     */
    public Refund request(String paymentNo, String orderNo, Long grossFen, String reason, Long staffId, Long onlyStore) {
        if (onlyStore != null) {
            Payment payment = payments.find(paymentNo).orElseThrow(() -> DomainException.notFound("Payment", paymentNo));
            payment.order(orderNo).filter(o -> o.storeId() != onlyStore).ifPresent(o -> {
                throw new DomainException(HttpStatus.FORBIDDEN, "REFUND_OTHER_STORE",
                        "Shop order " + orderNo + " was paid at another store; its own cashier or customer service refunds it");
            });
        }
        return refund(newRefundNo(), paymentNo, orderNo, grossFen, reason, staffId, true);
    }

    /**
     * A refund another service makes under its own number (touchpoint-service's approved return work order): made
     * once; asked again with the same number it is the refund made then, for the same order only.
     */
    public Refund requestOnce(String refundNo, String paymentNo, String orderNo, Long grossFen, String reason, Long staffId) {
        Optional<Refund> made = refunds.find(refundNo);
        if (made.isPresent()) {
            if (!made.get().paymentNo().equals(paymentNo) || !made.get().orderNo().equals(orderNo)) {
                throw new DomainException(HttpStatus.CONFLICT, "REFUND_NO_TAKEN", "Refund " + refundNo + " was made for another order");
            }
            return made.get();
        }
        return refund(refundNo, paymentNo, orderNo, grossFen, reason, staffId, true);
    }

    /**
     * Vouchers a payment bought that coupon-service would not issue (sold out, over the member's limit) are
     * paid back, under {@code refundNo}: the caller's fixed number, so this refund can only ever be made once.
     */
    public Refund refundUnissued(String refundNo, String paymentNo, String orderNo, long grossFen, String reason) {
        return refund(refundNo, paymentNo, orderNo, grossFen, reason, null, false);
    }

    public Optional<Refund> find(String refundNo) {
        return refunds.find(refundNo);
    }

    /** {@code revokeVouchers}: a voucher purchase's refund takes that many unused vouchers back (not for ones never issued). */
    private Refund refund(String refundNo, String paymentNo, String orderNo, Long grossFen, String reason, Long staffId,
                          boolean revokeVouchers) {
        Payment payment = paid(paymentNo);
        if (payment.rewardedAt() == null) {
            // the order's earned points must exist before a refund can reverse them: earn them now (idempotent)
            settlement.reward(paymentNo);
            payment = paid(paymentNo);
            if (payment.rewardedAt() == null) {
                throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "REFUND_POINTS_PENDING",
                        "The points of payment " + paymentNo + " are still being earned; try the refund again in a minute");
            }
        }
        RefundPlan plan = RefundPlan.of(payment, orderNo, grossFen);
        int vouchers = revokeVouchers ? plan.wholeVouchers(payment) : 0;
        transactions.open(refundNo, payment, plan, vouchers, reason, staffId);
        log.info("Refund {} of {} fen gross on order {} recorded ({} fen cash, {} points back)", refundNo, plan.grossFen(), orderNo,
                plan.cashFen(), plan.pointsToReturn());
        try {
            submit(refunds.find(refundNo).orElseThrow());
        } catch (RuntimeException e) {
            // the refund is committed: answer it as PROCESSING (a 5xx would free the Idempotency-Key and invite a second
            // refund); the job submits it again after its first attempt time
            log.error("Refund {} is recorded but handing it to the channel failed; the retry job takes it", refundNo, e);
        }
        return refunds.find(refundNo).orElseThrow();
    }

    public Refund get(String refundNo) {
        return refunds.find(refundNo).orElseThrow(() -> DomainException.notFound("Refund", refundNo));
    }

    /** The refunds of a payment; {@code memberId} non-null: only if it is that member's payment. */
    public List<Refund> ofPayment(String paymentNo, Long memberId) {
        Payment payment = payments.find(paymentNo).orElseThrow(() -> DomainException.notFound("Payment", paymentNo));
        if (memberId != null && payment.memberId() != memberId) {
            throw DomainException.notFound("Payment", paymentNo);
        }
        return refunds.ofPayment(paymentNo);
    }

    public Refunds.Subsidy subsidy(long merchantId, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "from must be before to");
        }
        return refunds.subsidy(merchantId, from, to);
    }

    /** A refund notification as the channel sent it (the refund number tells the tenant). */
    public void onNotification(String route, String body, Map<String, String> headers) {
        ChannelRefund result = notifications.verifyRefund(route, body, headers);
        long tenant = refunds.tenantOf(result.refundNo()).orElseThrow(() -> {
            log.warn("Rejected refund notification for unknown refund {}", result.refundNo());
            return new NotificationRejected("NOTIFICATION_UNKNOWN_REFUND", "No refund " + result.refundNo());
        });
        CallerContext.runAs(Caller.system(tenant), () -> apply(refunds.find(result.refundNo()).orElseThrow(), result));
    }

    /** Refunds the channel has not accepted or confirmed yet: submitted again, or asked about. */
    public int retryDue(int limit) {
        List<Refunds.Due> due = refunds.due(clock.instant(), limit);
        for (Refunds.Due d : due) {
            CallerContext.runAs(Caller.system(d.tenantId()), () -> {
                Refund refund = refunds.find(d.refundNo()).orElseThrow();
                if (refund.submittedAt() == null) {
                    submit(refund);
                } else {
                    ask(refund);
                }
            });
        }
        return due.size();
    }

    private void submit(Refund refund) {
        if (refund.status() != RefundStatus.PROCESSING) {
            return;
        }
        if (refund.cashFen() == 0) {
            // all of it was points and discounts: nothing goes through the channel
            succeed(refund, null, clock.instant());
            return;
        }
        Payment payment = payments.find(refund.paymentNo()).orElseThrow();
        try {
            apply(refund, channel.refund(new PaymentChannel.RefundOrder(refund.paymentNo(), refund.refundNo(), refund.cashFen(),
                    payment.cashFen(), refund.reason())));
        } catch (ChannelFailed e) {
            int attempt = refund.attempts() + 1;
            Duration wait = backoff(attempt);
            refunds.markAttemptFailed(refund.refundNo(), e.getMessage(), clock.instant().plus(wait));
            if (attempt >= MAX_CHANNEL_ATTEMPTS) {
                if (refunds.markAbnormal(refund.refundNo(), "The channel refused the refund " + attempt + " times: " + e.getMessage())) {
                    log.error("Refund {} of payment {} refused {} times by {}: ABNORMAL, customer service must return {} fen: {}",
                            refund.refundNo(), refund.paymentNo(), attempt, channel.name(), refund.cashFen(), e.getMessage());
                }
            } else {
                log.warn("Channel {} did not take refund {} (attempt {}), again in {}: {}", channel.name(), refund.refundNo(), attempt,
                        wait, e.getMessage());
            }
        }
    }

    private void ask(Refund refund) {
        try {
            channel.queryRefund(refund.refundNo()).ifPresentOrElse(result -> apply(refund, result), () -> submit(refund));
        } catch (ChannelFailed e) {
            log.warn("Asking channel {} about refund {} failed: {}", channel.name(), refund.refundNo(), e.getMessage());
            refunds.markAttemptFailed(refund.refundNo(), e.getMessage(), clock.instant().plus(CONFIRMATION_CHECK));
        }
    }

    private void apply(Refund refund, ChannelRefund result) {
        switch (result.state()) {
            case SUCCEEDED -> succeed(refund, result.channelRefundId(), result.succeededAt());
            case PROCESSING -> refunds.markSubmitted(refund.refundNo(), result.channelRefundId(), clock.instant(),
                    clock.instant().plus(CONFIRMATION_CHECK));
            case ABNORMAL -> {
                if (refunds.markAbnormal(refund.refundNo(), "The channel could not return the cash to the shopper's account")) {
                    log.error("Refund {} of payment {} is ABNORMAL at {}: customer service must return {} fen by other means",
                            refund.refundNo(), refund.paymentNo(), channel.name(), refund.cashFen());
                }
            }
        }
    }

    /** PROCESSING → SUCCEEDED and PaymentRefunded, in one local transaction: repeats (notifications, the job) change nothing. */
    private void succeed(Refund refund, String channelRefundId, Instant at) {
        Instant when = (at == null ? clock.instant() : at).truncatedTo(ChronoUnit.MILLIS);
        // the order's category lets member-service take the spend back where it was counted
        String category = payments.find(refund.paymentNo()).flatMap(p -> p.order(refund.orderNo())).map(MerchantOrder::category).orElse(null);
        tx.executeWithoutResult(status -> {
            if (refunds.markSucceeded(refund.refundNo(), channelRefundId, when)) {
                outbox.append("PaymentRefunded", PaymentRefunded.of(refund, category, when));
            }
        });
    }

    private Payment paid(String paymentNo) {
        Payment payment = payments.find(paymentNo).orElseThrow(() -> DomainException.notFound("Payment", paymentNo));
        if (payment.status() != PaymentStatus.PAID) {
            throw new DomainException(HttpStatus.CONFLICT, "PAYMENT_NOT_PAID", "Payment " + paymentNo + " is " + payment.status()
                    + "; only a paid payment can be refunded");
        }
        if (!payment.channel().equals(channel.name())) {
            throw new DomainException(HttpStatus.CONFLICT, "REFUND_CHANNEL_UNAVAILABLE", "Payment " + paymentNo + " was paid through "
                    + payment.channel() + ", which this deployment does not use");
        }
        return payment;
    }

    static String newRefundNo() {
        return "RF" + UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase();
    }

    static Duration backoff(int attempt) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 10));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }
}
