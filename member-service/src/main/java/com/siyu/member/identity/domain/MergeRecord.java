package com.siyu.member.identity.domain;

import java.time.Instant;
import java.util.List;

/** An audited merge: which member survived, which identities moved, and whether it was undone. */
public record MergeRecord(long id, long survivorId, long mergedId, List<Identity> moved, String reason, String actor,
                          Instant createdAt, Instant undoneAt) {
}
