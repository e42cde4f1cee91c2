package com.siyu.payment.checkout.domain;

import java.time.Instant;
import java.util.Map;

/** Where the shopper's cash goes: WeChat Pay, or the sandbox for local runs. Called outside global transactions. */
public interface PaymentChannel {

    String name();

    /** The mini-program whose openid pays through this channel (WeChat Pay's app id); null when the channel needs no payer. */
    String payerAppId();

    /** Asks the channel for a prepay order; throws {@link ChannelFailed} when it refuses or does not answer. */
    Prepay prepay(PrepayOrder order);

    /** What the channel says about an order it was asked to create: paid (with the confirmation) or not (empty). */
    java.util.Optional<ChannelPaid> query(String paymentNo);

    /** Closes the order at the channel so it can no longer be paid; throws {@link ChannelFailed}. */
    void close(String paymentNo);

    /**
     * Asks the channel to return {@code refundFen} of payment {@code paymentNo} (which took {@code totalFen}).
     * Repeating it with the same refund number is safe (the channel refunds once). Throws {@link ChannelFailed}.
     */
    ChannelRefund refund(RefundOrder order);

    /** Where the channel stands on a refund it was asked for; empty when it does not know it. */
    java.util.Optional<ChannelRefund> queryRefund(String refundNo);

    record RefundOrder(String paymentNo, String refundNo, long refundFen, long totalFen, String reason) {
    }

    record PrepayOrder(String paymentNo, String description, long cashFen, String payerOpenid, Instant expiresAt) {
    }

    /**
     * The prepay id and what the mini-program passes to {@code wx.requestPayment}. {@code confirmed} is set
     * when the channel confirms at once (the sandbox), null when the confirmation comes as a notification.
     */
    record Prepay(String prepayId, Map<String, String> clientParams, ChannelPaid confirmed) {
    }
}
