package com.siyu.points.merge.domain;

/**
 * MemberUnmerged arrived before MemberMerged of the same merge (deliveries are not ordered across retries
 * and consumer threads): refused, so the inbox retries it after the merge was applied.
 */
public class MergeNotYetApplied extends IllegalStateException {

    public MergeNotYetApplied(long mergeId) {
        super("Merge " + mergeId + " has not been applied to points yet; its undo waits for it");
    }
}
