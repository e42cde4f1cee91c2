package com.siyu.payment.checkout.domain;

import java.time.Instant;

/** The channel's word on refund {@code refundNo}: its own id, how it stands, and when it succeeded. */
public record ChannelRefund(String refundNo, String channelRefundId, State state, Instant succeededAt) {

    public enum State { PROCESSING, SUCCEEDED, ABNORMAL }
}
