package com.siyu.member.identity.domain;

import java.util.List;
import java.util.Optional;

/** The identity graph of the tenant in context. */
public interface IdentityRepository {

    /** Attaches the identity to the member; false when it already belongs to someone (the unique key decided). */
    boolean attach(long memberId, Identity identity);

    Optional<Long> ownerOf(IdentityKind kind, String scope, String value);

    List<Identity> of(long memberId);

    /** Moves the given identities from one member to another; returns how many moved. */
    int move(long fromMember, long toMember, List<Identity> identities);

    void markVerified(long memberId, IdentityKind kind, String scope, String value);
}
