package com.siyu.member.token.infra;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.member.token.domain.RefreshTokens;
import com.siyu.member.token.domain.StoredRefreshToken;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class MybatisRefreshTokens implements RefreshTokens {

    private final RefreshTokenMapper mapper;
    private final Clock clock;

    MybatisRefreshTokens(RefreshTokenMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public void insert(long tenantId, String subjectType, long subjectId, String familyId, String tokenHash, Instant expiresAt) {
        RefreshTokenRow row = new RefreshTokenRow();
        row.tenantId = tenantId;
        row.subjectType = subjectType;
        row.subjectId = subjectId;
        row.familyId = familyId;
        row.tokenHash = tokenHash;
        row.expiresAt = utc(expiresAt);
        row.createdAt = utc(clock.instant());
        mapper.insert(row);
    }

    @Override
    public Optional<StoredRefreshToken> findByHash(String tokenHash) {
        return Optional.ofNullable(mapper.findByHash(tokenHash)).map(row -> new StoredRefreshToken(row.id, row.tenantId, row.subjectType,
                row.subjectId, row.familyId, row.expiresAt.toInstant(ZoneOffset.UTC), instant(row.usedAt), instant(row.revokedAt)));
    }

    @Override
    public boolean markUsed(long id, long tenantId) {
        return CallerContext.callAs(Caller.system(tenantId), () -> mapper.markUsed(id, utc(clock.instant())) == 1);
    }

    @Override
    public void revokeFamily(long tenantId, String familyId) {
        CallerContext.runAs(Caller.system(tenantId), () -> mapper.revokeFamily(familyId, utc(clock.instant())));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
