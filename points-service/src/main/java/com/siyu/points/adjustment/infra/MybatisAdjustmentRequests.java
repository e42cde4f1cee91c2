package com.siyu.points.adjustment.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.points.adjustment.domain.AdjustmentRequest;
import com.siyu.points.adjustment.domain.AdjustmentRequests;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class MybatisAdjustmentRequests implements AdjustmentRequests {

    private final AdjustmentRequestMapper mapper;
    private final Clock clock;

    MybatisAdjustmentRequests(AdjustmentRequestMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public AdjustmentRequest insert(long memberId, long points, String reason, Long storeId, long requestedBy) {
        AdjustmentRequestRow row = new AdjustmentRequestRow();
        row.tenantId = CallerContext.requireTenant();
        row.memberId = memberId;
        row.points = points;
        row.reason = reason;
        row.storeId = storeId;
        row.requestedBy = requestedBy;
        row.status = AdjustmentRequest.Status.PENDING.name();
        row.createdAt = now();
        mapper.insert(row);
        return toRequest(row);
    }

    @Override
    public Optional<AdjustmentRequest> find(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(MybatisAdjustmentRequests::toRequest);
    }

    @Override
    public boolean decide(long id, AdjustmentRequest.Status to, long decidedBy) {
        return mapper.decide(id, to.name(), decidedBy, now()) == 1;
    }

    @Override
    public void linkJournal(long id, long journalId) {
        mapper.update(null, new UpdateWrapper<AdjustmentRequestRow>().set("journal_id", journalId).eq("id", id));
    }

    @Override
    public List<AdjustmentRequest> list(AdjustmentRequest.Status status, int limit) {
        return mapper.selectList(new QueryWrapper<AdjustmentRequestRow>().eq("status", status.name()).orderByAsc("id").last("limit " + limit))
                .stream().map(MybatisAdjustmentRequests::toRequest).toList();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static AdjustmentRequest toRequest(AdjustmentRequestRow r) {
        return new AdjustmentRequest(r.id, r.memberId, r.points, r.reason, r.storeId, r.requestedBy, AdjustmentRequest.Status.valueOf(r.status),
                r.decidedBy, r.decidedAt == null ? null : r.decidedAt.toInstant(ZoneOffset.UTC), r.journalId, r.createdAt.toInstant(ZoneOffset.UTC));
    }
}
