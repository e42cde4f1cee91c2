package com.siyu.member.identity.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.member.member.domain.Member;
import com.siyu.member.member.domain.Members;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Staff attaching the other ids a shopper has: official-account openid, WeCom contact, card number, channel ids. */
@Service
public class Identities {

    private final IdentityRepository identities;
    private final Members members;

    public Identities(IdentityRepository identities, Members members) {
        this.identities = identities;
        this.members = members;
    }

    public List<Identity> attach(long memberId, Identity identity) {
        Member member = members.get(memberId);
        if (!member.isActive()) {
            throw new DomainException(HttpStatus.CONFLICT, "MEMBER_NOT_ACTIVE", "Member " + memberId + " was merged into " + member.mergedInto());
        }
        if (!identities.attach(memberId, identity)) {
            long owner = identities.ownerOf(identity.kind(), identity.scope(), identity.value()).orElseThrow();
            if (owner != memberId) {
                throw new IdentityTaken(identity, owner);
            }
        }
        return identities.of(memberId);
    }

    public List<Identity> of(long memberId) {
        members.get(memberId);
        return identities.of(memberId);
    }

    /** Finds the member behind any identity (e.g. a scanned member card, a WeCom contact). */
    public Member lookup(IdentityKind kind, String scope, String value) {
        long owner = identities.ownerOf(kind, scope == null ? "" : scope, value)
                .orElseThrow(() -> DomainException.notFound("Member with " + kind, value));
        return members.resolve(owner);
    }
}
