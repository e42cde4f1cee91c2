package com.siyu.member.identity.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.member.events.domain.Outbox;
import com.siyu.member.member.domain.Member;
import com.siyu.member.member.domain.MemberRepository;
import com.siyu.member.member.domain.Members;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two members who turn out to be one person become one: every identity of the merged member moves to
 * the survivor, the merged record stays (status MERGED) for audit, and {@code MemberMerged} tells the
 * other services (points, coupons, guide bindings follow). An operator can undo a wrong merge.
 */
@Service
public class MemberMerges {

    public static final String MEMBER_MERGED = "MemberMerged";
    public static final String MEMBER_UNMERGED = "MemberUnmerged";

    private final Members members;
    private final MemberRepository memberRows;
    private final IdentityRepository identities;
    private final MergeRepository merges;
    private final Outbox outbox;

    public MemberMerges(Members members, MemberRepository memberRows, IdentityRepository identities, MergeRepository merges, Outbox outbox) {
        this.members = members;
        this.memberRows = memberRows;
        this.identities = identities;
        this.merges = merges;
        this.outbox = outbox;
    }

    @Transactional
    public MergeRecord merge(long survivorId, long mergedId, String reason, String actor) {
        if (survivorId == mergedId) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "MERGE_SAME_MEMBER", "A member cannot be merged into itself");
        }
        Member survivor = members.get(survivorId);
        members.get(mergedId);
        if (!survivor.isActive()) {
            throw new DomainException(HttpStatus.CONFLICT, "MEMBER_NOT_ACTIVE", "Member " + survivorId + " was itself merged into another member");
        }
        if (!memberRows.markMerged(mergedId, survivorId)) {
            throw new DomainException(HttpStatus.CONFLICT, "MEMBER_NOT_ACTIVE", "Member " + mergedId + " is already merged");
        }
        List<Identity> moved = identities.of(mergedId);
        identities.move(mergedId, survivorId, moved);
        MergeRecord record = merges.insert(survivorId, mergedId, moved, reason, actor);
        outbox.record(MEMBER_MERGED, Map.of("mergeId", record.id(), "survivorId", survivorId, "mergedId", mergedId));
        return record;
    }

    /** Moves the identities back (those still on the survivor) and reactivates the merged member. */
    @Transactional
    public MergeRecord undo(long mergeId, String actor) {
        MergeRecord record = merges.find(mergeId).orElseThrow(() -> DomainException.notFound("Merge", mergeId));
        if (!merges.markUndone(mergeId, actor)) {
            throw new DomainException(HttpStatus.CONFLICT, "MERGE_ALREADY_UNDONE", "Merge " + mergeId + " was already undone");
        }
        identities.move(record.survivorId(), record.mergedId(), record.moved());
        if (!memberRows.markActive(record.mergedId())) {
            throw new DomainException(HttpStatus.CONFLICT, "MEMBER_NOT_MERGED", "Member " + record.mergedId() + " is not merged any more");
        }
        outbox.record(MEMBER_UNMERGED, Map.of("mergeId", mergeId, "survivorId", record.survivorId(), "mergedId", record.mergedId()));
        return merges.find(mergeId).orElseThrow();
    }

    public List<MergeRecord> history(long memberId) {
        members.get(memberId);
        return merges.ofMember(memberId);
    }
}
