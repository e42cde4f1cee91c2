package com.siyu.common.inbox;

import java.util.Set;

/**
 * A service's consumer of other services' events from {@code siyu.events}. Declaring a bean of this type
 * is what switches the inbox on for a service (see {@link Inbox}): its routing keys are bound to the
 * service's durable queue, and each delivery runs {@link #consume} once, inside one local transaction
 * that also records the message id, as the event's tenant.
 */
public interface EventConsumer {

    /** Routing keys this consumer handles, {@code <publishing service>.<event type>}: {@code member-service.MemberMerged}. */
    Set<String> routingKeys();

    /**
     * Applies the event. Runs inside the inbox's transaction with {@code CallerContext} set to the event's
     * tenant (a system caller). Throwing rolls everything back and the delivery is retried (bounded, then
     * dead-lettered); returning normally commits the effect together with the dedupe row.
     */
    void consume(ReceivedEvent event);
}
