package com.siyu.member.identity.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.context.CallerContext;
import com.siyu.member.identity.domain.Identity;
import com.siyu.member.identity.domain.MergeRecord;
import com.siyu.member.identity.domain.MergeRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class MybatisMergeRepository implements MergeRepository {

    private final MergeMapper mapper;
    private final ObjectMapper json;
    private final Clock clock;

    MybatisMergeRepository(MergeMapper mapper, ObjectMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public MergeRecord insert(long survivorId, long mergedId, List<Identity> moved, String reason, String actor) {
        MergeRow row = new MergeRow();
        row.tenantId = CallerContext.requireTenant();
        row.survivorId = survivorId;
        row.mergedId = mergedId;
        try {
            row.movedIdentities = json.writeValueAsString(moved);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        row.reason = reason;
        row.actor = actor;
        row.createdAt = now();
        mapper.insert(row);
        return toRecord(row);
    }

    @Override
    public Optional<MergeRecord> find(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(this::toRecord);
    }

    @Override
    public boolean markUndone(long id, String actor) {
        return mapper.markUndone(id, actor, now()) == 1;
    }

    @Override
    public List<MergeRecord> ofMember(long memberId) {
        return mapper.selectList(new QueryWrapper<MergeRow>().and(w -> w.eq("survivor_id", memberId).or().eq("merged_id", memberId))
                .orderByDesc("id")).stream().map(this::toRecord).toList();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private MergeRecord toRecord(MergeRow row) {
        try {
            List<Identity> moved = json.readValue(row.movedIdentities, new TypeReference<>() { });
            return new MergeRecord(row.id, row.survivorId, row.mergedId, moved, row.reason, row.actor,
                    row.createdAt.toInstant(ZoneOffset.UTC), row.undoneAt == null ? null : row.undoneAt.toInstant(ZoneOffset.UTC));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("merge " + row.id + " has unreadable identities", e);
        }
    }
}
