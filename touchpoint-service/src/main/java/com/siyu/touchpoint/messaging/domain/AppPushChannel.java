package com.siyu.touchpoint.messaging.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** App push through the tenant's push provider app (infra: JPush's REST API v3 over HTTP), to the devices the members' app registered. */
public interface AppPushChannel {

    /**
     * SENT with the provider's message id; NO_AUDIENCE: none of the devices is known to the app (JPush 1011), another
     * channel may reach the member; NOT_CONFIGURED: the tenant has no push account; AUTH_FAILED: the provider refused the
     * account's key or secret; REJECTED: it refused this push (not retried); UNAVAILABLE: it did not take it (throttled,
     * a server fault, unreachable), try again later; UNKNOWN: it may have (no answer), so it is not sent again.
     */
    record Result(Outcome outcome, String msgId, String code, String response) {
    }

    enum Outcome { SENT, NO_AUDIENCE, NOT_CONFIGURED, AUTH_FAILED, REJECTED, UNAVAILABLE, UNKNOWN }

    /** What the notification shows (title, alert) and what the app gets when it is tapped (extras: the page, the send's tracking token). */
    record Notification(String title, String alert, Map<String, String> extras) {
    }

    /** The members' registered devices (registration ids, newest first), those that have any. */
    Map<Long, List<String>> devices(Collection<Long> memberIds);

    /** {@code sendNo}: a number the provider answers with (the send's). */
    Result send(List<String> registrationIds, Notification notification, int sendNo);
}
