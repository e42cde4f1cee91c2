package com.siyu.guide.binding.domain;

/** MemberUnmerged arrived before its MemberMerged was applied: refused, so the inbox retries it later. */
public class MergeNotYetApplied extends IllegalStateException {

    public MergeNotYetApplied(long mergeId) {
        super("Merge " + mergeId + " has not been applied to guide bindings yet; its undo waits for it");
    }
}
