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

    /**
     * The member behind a WeCom external contact of the tenant's corp: by the external id already recorded, else by
     * the unionid WeCom gave for the contact, recording the external id on that member (verified: WeCom named it).
     * 404 when neither is known (the shopper has not signed in to any of the tenant's WeChat apps).
     */
    public Member resolveWecomContact(String corpId, String externalUserId, String unionId) {
        return resolveByUnionId(Identity.of(IdentityKind.WECOM_EXTERNAL_ID, corpId, externalUserId).asVerified(), unionId, "WeCom contact");
    }

    /**
     * The member behind a follower of the tenant's official account (touchpoint-service hears the subscribe event and
     * asks WeChat for the follower's unionid): by the openid already recorded, else by the unionid, recording the
     * openid on that member (verified: WeChat named it). 404 when neither is known.
     */
    public Member resolveMpFollower(String appId, String openId, String unionId) {
        return resolveByUnionId(Identity.of(IdentityKind.MP_OPENID, appId, openId).asVerified(), unionId, "official-account follower");
    }

    private Member resolveByUnionId(Identity channelId, String unionId, String what) {
        java.util.Optional<Long> known = identities.ownerOf(channelId.kind(), channelId.scope(), channelId.value());
        if (known.isPresent()) {
            return members.resolve(known.get());
        }
        if (unionId == null || unionId.isBlank()) {
            throw DomainException.notFound("Member with " + what, channelId.value());
        }
        Member member = members.resolve(identities.ownerOf(IdentityKind.UNIONID, "", unionId)
                .orElseThrow(() -> DomainException.notFound("Member with " + what, channelId.value())));
        if (!identities.attach(member.id(), channelId)) {
            // a concurrent callback recorded it first: whoever holds it now is the answer
            return members.resolve(identities.ownerOf(channelId.kind(), channelId.scope(), channelId.value()).orElseThrow());
        }
        return member;
    }
}
