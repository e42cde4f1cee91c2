package com.siyu.member.identity.domain;

import java.util.List;
import java.util.Optional;

public interface MergeRepository {

    MergeRecord insert(long survivorId, long mergedId, List<Identity> moved, String reason, String actor);

    Optional<MergeRecord> find(long id);

    /** Marks the merge undone; false if it already was (the conditional update decides). */
    boolean markUndone(long id, String actor);

    List<MergeRecord> ofMember(long memberId);
}
