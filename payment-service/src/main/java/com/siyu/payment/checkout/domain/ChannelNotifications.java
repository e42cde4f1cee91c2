package com.siyu.payment.checkout.domain;

import java.util.Map;

/** Verifies and reads a channel's payment notification (signature, merchant, app); throws {@link NotificationRejected}. */
public interface ChannelNotifications {

    /**
     * {@code route}: which of the channel's merchants the notification was sent to (the last segments of
     * its notification URL; "" for the deployment's own).
     */
    ChannelPaid verify(String route, String body, Map<String, String> headers);

    /** A refund notification: which refund ended how. */
    ChannelRefund verifyRefund(String route, String body, Map<String, String> headers);
}
