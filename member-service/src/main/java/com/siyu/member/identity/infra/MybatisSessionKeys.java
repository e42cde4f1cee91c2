package com.siyu.member.identity.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.member.identity.domain.SessionKeys;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class MybatisSessionKeys implements SessionKeys {

    private final MiniappSessionMapper mapper;
    private final Clock clock;

    MybatisSessionKeys(MiniappSessionMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public void save(long memberId, String appId, String sessionKey) {
        mapper.upsert(CallerContext.requireTenant(), memberId, appId, sessionKey,
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    }

    @Override
    public Optional<String> find(long memberId, String appId) {
        return Optional.ofNullable(mapper.selectOne(new QueryWrapper<MiniappSessionRow>().eq("member_id", memberId).eq("app_id", appId)))
                .map(row -> row.sessionKey);
    }
}
