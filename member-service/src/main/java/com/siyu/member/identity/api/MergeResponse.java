package com.siyu.member.identity.api;

import com.siyu.member.identity.domain.MergeRecord;
import java.time.Instant;
import java.util.List;

public record MergeResponse(long id, long survivorId, long mergedId, List<IdentityResponse> moved, String reason, String actor,
                            Instant createdAt, Instant undoneAt) {

    static MergeResponse of(MergeRecord r) {
        return new MergeResponse(r.id(), r.survivorId(), r.mergedId(), r.moved().stream().map(IdentityResponse::of).toList(),
                r.reason(), r.actor(), r.createdAt(), r.undoneAt());
    }
}
