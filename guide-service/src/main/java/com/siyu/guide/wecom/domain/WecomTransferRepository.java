package com.siyu.guide.wecom.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** WeCom customer transfers; every call acts on the tenant in context unless it says otherwise. */
public interface WecomTransferRepository {

    /** Queues the customers of a handover chunk; one already queued for the handover is left as it is (a replayed chunk). */
    void enqueue(long handoverId, List<WecomTransfer.New> transfers, Instant now);

    /** Tenants with transfers due at {@code now} (all tenants: the job's entry). */
    Set<Long> tenantsDue(Instant now);

    /** PENDING, WAITING and retryable FAILED transfers due at {@code now}, oldest first. */
    List<WecomTransfer> due(Instant now, int limit);

    void update(long id, WecomTransfer.Status status, int attempts, Integer errcode, String detail, Instant nextAt, Instant now);

    /** The transfer still waiting for WeCom of this customer to this corp member. */
    Optional<WecomTransfer> waiting(String toUserId, String externalUserId);

    List<WecomTransfer> ofHandover(long handoverId);
}
