package com.siyu.member.token.domain;

import java.time.Instant;

public record StoredRefreshToken(long id, long tenantId, String subjectType, long subjectId, String familyId, Instant expiresAt,
                                 Instant usedAt, Instant revokedAt) {
}
