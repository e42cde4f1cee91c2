package com.siyu.guide.binding.domain;

import java.util.Optional;

/** Member → guide bindings and the merges applied to them (infra); all calls act on the tenant in context. */
public interface BindingRepository {

    Optional<Binding> of(long memberId);

    /** Binds the member to the guide, replacing any earlier binding (one guide per member: unique key). */
    void bind(long memberId, long guideId, String source);

    /** Binds only when the member has no guide yet; false when it had one. */
    boolean bindIfUnbound(long memberId, long guideId, String source);

    /** Removes the binding only if it is still exactly this guide from this source. */
    boolean unbind(long memberId, long guideId, String source);

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
