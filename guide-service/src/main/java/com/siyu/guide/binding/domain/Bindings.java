package com.siyu.guide.binding.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideStatus;
import com.siyu.guide.roster.domain.Roster;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each member has at most one exclusive guide (专属导购). Staff bind a member to an active guide of the
 * tenant (rebinding replaces the guide). When member-service merges two members, the survivor keeps its own
 * guide, or inherits the absorbed member's if it had none; undoing the merge removes only an inherited
 * binding (and only while it is still that one); the absorbed member's own binding is never touched.
 */
@Service
public class Bindings {

    public static final String STAFF = "STAFF";
    public static final String MERGE = "MERGE";

    private final BindingRepository bindings;
    private final Roster roster;

    public Bindings(BindingRepository bindings, Roster roster) {
        this.bindings = bindings;
        this.roster = roster;
    }

    public BoundGuide bind(long memberId, long guideId) {
        Guide guide = roster.get(guideId);
        if (guide.status() != GuideStatus.ACTIVE) {
            throw new GuideNotActive(guideId);
        }
        bindings.bind(memberId, guideId, STAFF);
        return guideOf(memberId).orElseThrow();
    }

    public Optional<BoundGuide> guideOf(long memberId) {
        return bindings.of(memberId).map(binding -> new BoundGuide(binding, roster.get(binding.guideId())));
    }

    public BoundGuide requireGuideOf(long memberId) {
        return guideOf(memberId).orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "GUIDE_NOT_BOUND",
                "Member " + memberId + " has no guide", java.util.Map.of("memberId", memberId)));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void merged(long mergeId, long survivorId, long mergedId) {
        if (!bindings.beginMerge(mergeId, survivorId, mergedId)) {
            return;
        }
        Optional<Binding> absorbed = bindings.of(mergedId);
        if (absorbed.isPresent() && bindings.bindIfUnbound(survivorId, absorbed.get().guideId(), MERGE)) {
            bindings.recordInherited(mergeId, absorbed.get().guideId());
        }
    }

    /** An undo that overtakes its merge records the merge as already undone, so the late MemberMerged changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void unmerged(long mergeId, long survivorId, long mergedId) {
        if (!bindings.beginUndo(mergeId)) {
            if (bindings.merge(mergeId).isEmpty() && (!bindings.beginMerge(mergeId, survivorId, mergedId) || !bindings.beginUndo(mergeId))) {
                throw new MergeNotYetApplied(mergeId);
            }
            return;
        }
        BindingRepository.AppliedMerge merge = bindings.merge(mergeId).orElseThrow();
        if (merge.inheritedGuideId() != null) {
            bindings.unbind(merge.survivorId(), merge.inheritedGuideId(), MERGE);
        }
    }

    public record BoundGuide(Binding binding, Guide guide) {
    }
}
