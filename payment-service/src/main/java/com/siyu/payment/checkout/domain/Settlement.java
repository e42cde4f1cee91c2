package com.siyu.payment.checkout.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.feign.RemoteProblem;
import com.siyu.payment.client.MemberClient;
import com.siyu.payment.client.PointsClient;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Turns a channel's confirmation into a paid payment exactly once, however often and however
 * concurrently the channel repeats it, then rewards the member (points earned per shop order,
 * and the purchase reported to member-service, idempotent by order number, retried by {@link #rewardDue}).
 */
@Service
public class Settlement {

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);

    private final ChannelNotifications notifications;
    private final PaymentTransactions transactions;
    private final Payments payments;
    private final PointsClient points;
    private final MemberClient members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public Settlement(ChannelNotifications notifications, PaymentTransactions transactions, Payments payments, PointsClient points,
                      MemberClient members, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.transactions = transactions;
        this.payments = payments;
        this.points = points;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    public enum Outcome { SETTLED, ALREADY_SETTLED }

    /** A notification as the channel sent it (no tenant on the request: the payment number tells which). */
    public Outcome onNotification(String route, String body, Map<String, String> headers) {
        ChannelPaid paid = notifications.verify(route, body, headers);
        long tenant = payments.tenantOf(paid.paymentNo()).orElseThrow(() -> {
            log.warn("Rejected payment notification for unknown payment {} (transaction {})", paid.paymentNo(), paid.transactionId());
            return new NotificationRejected("NOTIFICATION_UNKNOWN_PAYMENT", "No payment " + paid.paymentNo());
        });
        return CallerContext.callAs(Caller.system(tenant), () -> settle(paid));
    }

    /** In the payment's tenant. */
    public Outcome settle(ChannelPaid paid) {
        Payment payment = payments.find(paid.paymentNo()).orElseThrow();
        if (paid.amountFen() != payment.cashFen()) {
            log.warn("Rejected payment notification for {}: amount {} fen, the payment asks {} fen (transaction {})",
                    paid.paymentNo(), paid.amountFen(), payment.cashFen(), paid.transactionId());
            throw new NotificationRejected("NOTIFICATION_AMOUNT_MISMATCH",
                    "The notified amount does not match payment " + paid.paymentNo());
        }
        if (transactions.settle(paid)) {
            log.info("Payment {} paid (transaction {})", paid.paymentNo(), paid.transactionId());
            // only the delivery that settled rewards at once; a failed reward is retried by rewardDue
            reward(paid.paymentNo());
            events.publishEvent(new PaymentSettled(paid.paymentNo()));
            return Outcome.SETTLED;
        } else {
            // Another delivery won or is winning: answer for the state once its global transaction has ended.
            PaymentStatus status = payments.settledStatus(paid.paymentNo()).orElseThrow();
            if (status != PaymentStatus.PAID) {
                log.error("Payment {} confirmed by the channel (transaction {}) while {}: needs a refund", paid.paymentNo(),
                        paid.transactionId(), status);
                throw new PaymentNotPending(paid.paymentNo(), status);
            }
            return Outcome.ALREADY_SETTLED;
        }
    }

    /**
     * Earns the member's points for a paid payment and reports the purchase to member-service (growth,
     * spend, visit), once per shop order (both are idempotent by order number); a failure is retried later.
     */
    public void reward(String paymentNo) {
        Payment payment = payments.find(paymentNo).orElseThrow();
        if (payment.status() != PaymentStatus.PAID || payment.rewardedAt() != null) {
            return;
        }
        try {
            for (MerchantOrder order : payment.orders()) {
                if (order.cashFen() > 0) {
                    points.earn(new PointsClient.Earn(payment.memberId(), order.orderNo(), order.cashFen(), order.storeId(),
                            order.merchantId(), order.category(), null, payment.paidAt()));
                }
                // what the member paid (cash and points) grows the tier and the profile's spend by store and category
                members.growth(payment.memberId(), new MemberClient.Growth(order.orderNo(), order.cashFen() + order.pointsFen(),
                        order.storeId(), order.category(), payment.paidAt()));
            }
            payments.markRewarded(paymentNo, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        } catch (RuntimeException e) {
            log.warn("Earning points for payment {} failed, will retry: {}", paymentNo, RemoteProblem.reason(e));
        }
    }

    /** Retries rewards that did not go through (points-service down after the payment committed). */
    public int rewardDue(int limit) {
        var due = payments.unrewarded(clock.instant().minusSeconds(30), limit);
        due.forEach(p -> CallerContext.runAs(Caller.system(p.tenantId()), () -> reward(p.paymentNo())));
        return due.size();
    }
}
