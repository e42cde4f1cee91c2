package com.siyu.payment.checkout.infra;

import com.siyu.payment.checkout.domain.ChannelNotifications;
import com.siyu.payment.checkout.domain.ChannelPaid;
import com.siyu.payment.checkout.domain.ChannelRefund;
import com.siyu.payment.checkout.domain.NotificationRejected;
import com.siyu.payment.checkout.domain.PaymentChannel;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * For local runs and demos (selected with {@code siyu.payment.channel=sandbox}): every prepay is
 * confirmed at once for the full amount, as if the shopper had paid. Never configured in production.
 */
class SandboxChannel implements PaymentChannel, ChannelNotifications {

    private final Clock clock;

    SandboxChannel(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "SANDBOX";
    }

    @Override
    public String payerAppId() {
        return null;
    }

    @Override
    public Prepay prepay(PrepayOrder order) {
        String id = "sandbox-" + UUID.randomUUID();
        return new Prepay(id, Map.of("package", "prepay_id=" + id),
                new ChannelPaid(order.paymentNo(), "SBX" + UUID.randomUUID().toString().replace("-", ""), order.cashFen(),
                        clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    /** The sandbox confirms at once, so an order it still holds unconfirmed was never paid. */
    @Override
    public java.util.Optional<ChannelPaid> query(String paymentNo) {
        return java.util.Optional.empty();
    }

    @Override
    public void close(String paymentNo) {
        // nothing is held at the sandbox
    }

    /** The sandbox returns every refund at once. */
    @Override
    public ChannelRefund refund(RefundOrder order) {
        return new ChannelRefund(order.refundNo(), "SBXR" + UUID.randomUUID().toString().replace("-", ""), ChannelRefund.State.SUCCEEDED,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Refunds succeed at once, so the sandbox never has one to report later. */
    @Override
    public java.util.Optional<ChannelRefund> queryRefund(String refundNo) {
        return java.util.Optional.empty();
    }

    @Override
    public ChannelPaid verify(String route, String body, Map<String, String> headers) {
        throw new NotificationRejected("NOTIFICATION_NOT_EXPECTED", "The sandbox channel confirms at once and accepts no notifications");
    }

    @Override
    public ChannelRefund verifyRefund(String route, String body, Map<String, String> headers) {
        throw new NotificationRejected("NOTIFICATION_NOT_EXPECTED", "The sandbox channel refunds at once and accepts no notifications");
    }
}
