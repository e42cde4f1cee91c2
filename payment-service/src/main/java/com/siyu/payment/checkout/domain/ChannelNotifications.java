package com.siyu.payment.checkout.domain;

import java.util.Map;

/** Verifies and reads a channel's payment notification (signature, merchant, app); throws {@link NotificationRejected}. */
public interface ChannelNotifications {

    ChannelPaid verify(String body, Map<String, String> headers);

    /** A refund notification: which refund ended how. */
    ChannelRefund verifyRefund(String body, Map<String, String> headers);
}
