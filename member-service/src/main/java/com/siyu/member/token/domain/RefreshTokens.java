package com.siyu.member.token.domain;

import java.time.Instant;
import java.util.Optional;

/** Refresh tokens, kept as SHA-256 hashes only. */
public interface RefreshTokens {

    void insert(long tenantId, String subjectType, long subjectId, String familyId, String tokenHash, Instant expiresAt);

    /** Looks the hash up across tenants (the token is the only thing the client presents). */
    Optional<StoredRefreshToken> findByHash(String tokenHash);

    /** Marks the token used; false when it already was (a concurrent or replayed use). */
    boolean markUsed(long id, long tenantId);

    void revokeFamily(long tenantId, String familyId);
}
