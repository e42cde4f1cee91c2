package com.siyu.guide.binding.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Member → guide bindings, their history and the merges applied to them (infra); all calls act on the tenant in context. */
public interface BindingRepository {

    Optional<Binding> of(long memberId);

    /** The member's binding, row-locked until the transaction ends. */
    Optional<Binding> lock(long memberId);

    /** Binds a member that has no guide; false when it had one (one row per member: unique key). */
    boolean insert(Binding binding);

    /** Moves the member's binding to another guide (the row must be locked). */
    void move(Binding binding);

    /** Removes the binding only if it is still exactly this guide from this source. */
    boolean unbind(long memberId, long guideId, String source);

    void appendHistory(long memberId, Long fromGuideId, Long toGuideId, String source, String channel, Long actorStaffId, String reason,
                       Instant at);

    /** The member's changes, newest first, below {@code beforeId} (0: from the newest). */
    List<BindingChange> history(long memberId, long beforeId, int limit);

    /** The guide's members in member id order, after {@code afterMemberId}. */
    List<Binding> ofGuide(long guideId, long afterMemberId, int limit);

    /** Records the merge; false when it was recorded before. */
    boolean beginMerge(long mergeId, long survivorId, long mergedId);

    void recordInherited(long mergeId, long guideId);

    /** MERGED → UNMERGED; false when it was not MERGED. */
    boolean beginUndo(long mergeId);

    /** (survivor, guide inherited or null), when the merge was recorded. */
    Optional<AppliedMerge> merge(long mergeId);

    record AppliedMerge(long survivorId, long mergedId, Long inheritedGuideId) {
    }
}
