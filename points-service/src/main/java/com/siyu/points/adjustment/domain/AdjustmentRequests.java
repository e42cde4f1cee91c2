package com.siyu.points.adjustment.domain;

import java.util.List;
import java.util.Optional;

public interface AdjustmentRequests {

    AdjustmentRequest insert(long memberId, long points, String reason, Long storeId, long requestedBy);

    Optional<AdjustmentRequest> find(long id);

    /** PENDING → {@code to}, recording who decided; false when it was no longer pending. */
    boolean decide(long id, AdjustmentRequest.Status to, long decidedBy);

    void linkJournal(long id, long journalId);

    List<AdjustmentRequest> list(AdjustmentRequest.Status status, int limit);
}
