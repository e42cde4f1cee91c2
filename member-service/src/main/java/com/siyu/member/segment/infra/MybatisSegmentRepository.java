package com.siyu.member.segment.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.member.segment.domain.Segment;
import com.siyu.member.segment.domain.SegmentRepository;
import com.siyu.member.segment.domain.SegmentRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Repository;

@Repository
class MybatisSegmentRepository implements SegmentRepository {

    private final SegmentMapper mapper;
    private final ObjectMapper json;
    private final Clock clock;
    private final TenantZone zone;

    MybatisSegmentRepository(SegmentMapper mapper, ObjectMapper json, Clock clock, TenantZone zone) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Segment insert(String name, SegmentRule rule) {
        SegmentRow row = new SegmentRow();
        row.tenantId = CallerContext.requireTenant();
        row.name = name;
        try {
            row.rule = json.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        row.createdAt = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException e) {
            throw new DomainException(HttpStatus.CONFLICT, "SEGMENT_NAME_TAKEN", "A segment named '" + name + "' exists");
        }
        return new Segment(row.id, name, rule);
    }

    @Override
    public Segment ensure(String name, SegmentRule rule) {
        try {
            return insert(name, rule);
        } catch (DomainException taken) {
            SegmentRow row = mapper.selectOne(new QueryWrapper<SegmentRow>().eq("name", name));
            if (row == null) {
                throw taken;
            }
            try {
                // both read back from text, so 30 and 30L compare equal
                if (!json.readTree(row.rule).equals(json.readTree(json.writeValueAsString(rule)))) {
                    throw taken;
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("segment " + row.id + " has an unreadable rule", e);
            }
            return new Segment(row.id, name, rule);
        }
    }

    @Override
    public Optional<Segment> find(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(row -> {
            try {
                return new Segment(row.id, row.name, json.readValue(row.rule, SegmentRule.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("segment " + id + " has an unreadable rule", e);
            }
        });
    }

    @Override
    public long count(SegmentRule rule, Instant now) {
        SegmentSql.Where where = SegmentSql.render(rule, now, zone.current());
        return mapper.count(where.sql(), where.params());
    }

    @Override
    public List<Long> members(SegmentRule rule, Instant now, long afterId, int limit) {
        SegmentSql.Where where = SegmentSql.render(rule, now, zone.current());
        return mapper.members(where.sql(), where.params(), afterId, limit);
    }
}
