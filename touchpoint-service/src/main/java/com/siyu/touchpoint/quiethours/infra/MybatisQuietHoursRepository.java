package com.siyu.touchpoint.quiethours.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.touchpoint.quiethours.domain.QuietHours;
import com.siyu.touchpoint.quiethours.domain.QuietHoursRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class MybatisQuietHoursRepository implements QuietHoursRepository {

    private final QuietHoursMapper mapper;
    private final Clock clock;

    MybatisQuietHoursRepository(QuietHoursMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public Optional<QuietHours> find() {
        return Optional.ofNullable(mapper.selectOne(new QueryWrapper<>()))
                .map(row -> new QuietHours(row.startTime, row.endTime, ZoneId.of(row.timeZone)));
    }

    @Override
    public void save(QuietHours hours, Long staffId) {
        mapper.upsert(CallerContext.requireTenant(), hours.start(), hours.end(), hours.zone().getId(), staffId,
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    }
}
