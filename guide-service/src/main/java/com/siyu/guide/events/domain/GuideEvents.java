package com.siyu.guide.events.domain;

/**
 * What guide-service tells the others, through its outbox (in the caller's transaction, relayed to RabbitMQ as
 * {@code guide-service.<type>}, envelope {eventId, type, tenantId, data}): GuideBound (a member's guide changed by a
 * touch, an assignment or a merge), MembersHandedOver (one handover chunk), CommissionSettled (per guide and run),
 * TaskCompleted and TaskOverdue (per task).
 */
public interface GuideEvents {

    void publish(long tenantId, String type, Object data);
}
