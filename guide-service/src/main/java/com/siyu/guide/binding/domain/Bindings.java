package com.siyu.guide.binding.domain;

import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.guide.events.domain.GuideEvents;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideStatus;
import com.siyu.guide.roster.domain.Roster;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each member has at most one exclusive guide (专属导购). A touch — the shopper scans a guide's code, opens a
 * share link, adds the guide on WeCom, or an operator assigns — binds, moves or keeps the member by the
 * tenant's {@link BindingRule}; every change is kept as history. Touches of one member are serialised on its
 * binding row, so concurrent touches leave one binding and one history line per change. When member-service
 * merges two members, the survivor keeps its own guide, or inherits the absorbed member's if it had none;
 * undoing the merge removes only an inherited binding (and only while it is still that one).
 */
@Service
public class Bindings {

    private static final int ATTEMPTS = 5;

    private final BindingRepository bindings;
    private final BindingRuleRepository rules;
    private final Roster roster;
    private final TransactionTemplate tx;
    private final GuideEvents events;
    private final Clock clock;

    public Bindings(BindingRepository bindings, BindingRuleRepository rules, Roster roster, PlatformTransactionManager transactions,
                    GuideEvents events, Clock clock) {
        this.bindings = bindings;
        this.rules = rules;
        this.roster = roster;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /** A touch of {@code memberId} by {@code guideId}; who made it ({@code actorStaffId}, null for the shopper) and why. */
    public record Touch(long memberId, long guideId, BindingSource source, String channel, Long actorStaffId, String reason) {
    }

    public record Touched(BindingDecision decision, BoundGuide bound) {
    }

    public BindingRule rule() {
        return rules.find().orElse(BindingRule.DEFAULT);
    }

    public BindingRule setRule(BindingRule rule) {
        rules.save(rule);
        return rule;
    }

    /**
     * Applies a touch under the tenant's rule. A first binding raced by another touch of the same member (the
     * unique key, or InnoDB's deadlock between two first inserts) is decided again against the winner.
     */
    public Touched touch(Touch touch) {
        Guide guide = roster.get(touch.guideId());
        if (guide.status() != GuideStatus.ACTIVE) {
            throw new GuideNotActive(touch.guideId());
        }
        BindingRule rule = rule();
        for (int attempt = 1; ; attempt++) {
            try {
                BindingDecision decision = tx.execute(status -> apply(rule, touch));
                return new Touched(decision, guideOf(touch.memberId()).orElseThrow());
            } catch (DuplicateKeyException | PessimisticLockingFailureException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private BindingDecision apply(BindingRule rule, Touch touch) {
        Instant now = clock.instant();
        Optional<Binding> current = bindings.lock(touch.memberId());
        BindingDecision decision = BindingDecision.of(rule, current.orElse(null), touch.guideId(), touch.source(), now);
        Binding next = new Binding(touch.memberId(), touch.guideId(), touch.source().name(), touch.channel(), now);
        switch (decision) {
            case BIND -> {
                if (!bindings.insert(next)) {
                    throw new DuplicateKeyException("member " + touch.memberId() + " was bound meanwhile");
                }
            }
            case MOVE -> bindings.move(next);
            case ALREADY, KEEP -> {
                return decision;
            }
        }
        bindings.appendHistory(touch.memberId(), current.map(Binding::guideId).orElse(null), touch.guideId(), touch.source().name(),
                touch.channel(), touch.actorStaffId(), touch.reason(), now);
        bound(touch.memberId(), current.map(Binding::guideId).orElse(null), touch.guideId(), touch.source(), touch.channel(), now);
        return decision;
    }

    /** GuideBound, in the transaction of the change: {@code guideId} null when the member lost their guide. */
    private void bound(long memberId, Long fromGuideId, Long guideId, BindingSource source, String channel, Instant at) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("memberId", memberId);
        data.put("guideId", guideId);
        data.put("fromGuideId", fromGuideId);
        data.put("source", source.name());
        data.put("channel", channel);
        data.put("at", at.toString());
        events.publish(CallerContext.requireTenant(), "GuideBound", data);
    }

    /** An operator assigns a member; refused (409 MEMBER_BOUND_ELSEWHERE) when the rule keeps the member with another guide. */
    public BoundGuide assign(long memberId, long guideId, long staffId, String reason) {
        Touched touched = touch(new Touch(memberId, guideId, BindingSource.STAFF, null, staffId, reason));
        if (touched.decision() == BindingDecision.KEEP) {
            throw new DomainException(HttpStatus.CONFLICT, "MEMBER_BOUND_ELSEWHERE",
                    "Member " + memberId + " stays with guide " + touched.bound().guide().id() + " under the tenant's binding rule",
                    Map.of("memberId", memberId, "guideId", touched.bound().guide().id()));
        }
        return touched.bound();
    }

    public Optional<BoundGuide> guideOf(long memberId) {
        return bindings.of(memberId).map(binding -> new BoundGuide(binding, roster.get(binding.guideId())));
    }

    public BoundGuide requireGuideOf(long memberId) {
        return guideOf(memberId).orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "GUIDE_NOT_BOUND",
                "Member " + memberId + " has no guide", Map.of("memberId", memberId)));
    }

    public List<BindingChange> history(long memberId, long beforeId, int limit) {
        return bindings.history(memberId, beforeId, limit);
    }

    public List<Binding> membersOf(long guideId, long afterMemberId, int limit) {
        return bindings.ofGuide(guideId, afterMemberId, limit);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void merged(long mergeId, long survivorId, long mergedId) {
        if (!bindings.beginMerge(mergeId, survivorId, mergedId)) {
            return;
        }
        Optional<Binding> absorbed = bindings.of(mergedId);
        if (absorbed.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Binding inherited = new Binding(survivorId, absorbed.get().guideId(), BindingSource.MERGE.name(), null, now);
        if (bindings.insert(inherited)) {
            bindings.recordInherited(mergeId, absorbed.get().guideId());
            bindings.appendHistory(survivorId, null, absorbed.get().guideId(), BindingSource.MERGE.name(), null, null,
                    "merge " + mergeId + " of member " + mergedId, now);
            bound(survivorId, null, absorbed.get().guideId(), BindingSource.MERGE, null, now);
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
        if (merge.inheritedGuideId() != null && bindings.unbind(merge.survivorId(), merge.inheritedGuideId(), BindingSource.MERGE.name())) {
            Instant now = clock.instant();
            bindings.appendHistory(merge.survivorId(), merge.inheritedGuideId(), null, BindingSource.MERGE.name(), null, null,
                    "undo of merge " + mergeId, now);
            bound(merge.survivorId(), merge.inheritedGuideId(), null, BindingSource.MERGE, null, now);
        }
    }

    public record BoundGuide(Binding binding, Guide guide) {
    }
}
