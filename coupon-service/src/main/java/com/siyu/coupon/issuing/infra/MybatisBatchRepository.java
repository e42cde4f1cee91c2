package com.siyu.coupon.issuing.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.coupon.issuing.domain.BatchEntry;
import com.siyu.coupon.issuing.domain.BatchRepository;
import com.siyu.coupon.issuing.domain.GrantBatch;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class MybatisBatchRepository implements BatchRepository {

    private final BatchMapper batches;
    private final BatchEntryMapper entries;

    MybatisBatchRepository(BatchMapper batches, BatchEntryMapper entries) {
        this.batches = batches;
        this.entries = entries;
    }

    @Override
    public GrantBatch create(long templateId, List<Long> memberIds, String reason, Long staffId, Instant now) {
        BatchRow row = new BatchRow();
        row.tenantId = CallerContext.requireTenant();
        row.templateId = templateId;
        row.reason = reason;
        row.status = GrantBatch.BatchStatus.RUNNING.name();
        row.total = memberIds.size();
        row.cursorPos = 0;
        row.issued = 0;
        row.failed = 0;
        row.createdBy = staffId;
        row.createdAt = utc(now);
        row.updatedAt = row.createdAt;
        row.heartbeatAt = row.createdAt;
        batches.insert(row);
        for (int i = 0; i < memberIds.size(); i++) {
            BatchEntryRow entry = new BatchEntryRow();
            entry.tenantId = row.tenantId;
            entry.batchId = row.id;
            entry.position = i;
            entry.memberId = memberIds.get(i);
            entries.insert(entry);
        }
        return toBatch(row);
    }

    @Override
    public Optional<GrantBatch> find(long id) {
        return Optional.ofNullable(batches.selectById(id)).map(MybatisBatchRepository::toBatch);
    }

    @Override
    public boolean takeOver(long id, Instant now, Instant staleBefore) {
        return batches.takeOver(id, utc(now), utc(staleBefore)) == 1;
    }

    @Override
    public List<BatchEntry> entriesFrom(long batchId, int position, int limit) {
        return entries.selectList(new QueryWrapper<BatchEntryRow>().eq("batch_id", batchId).ge("position", position)
                .orderByAsc("position").last("limit " + limit)).stream().map(MybatisBatchRepository::toEntry).toList();
    }

    @Override
    public List<BatchEntry> entries(long batchId, int offset, int limit) {
        return entries.selectList(new QueryWrapper<BatchEntryRow>().eq("batch_id", batchId)
                .orderByAsc("position").last("limit " + offset + ", " + limit)).stream().map(MybatisBatchRepository::toEntry).toList();
    }

    @Override
    public boolean recordOutcome(long entryId, String outcome, Long couponId) {
        return entries.recordOutcome(entryId, outcome, couponId) == 1;
    }

    @Override
    public void advance(long batchId, int cursor, int issuedDelta, int failedDelta, Instant now) {
        batches.advance(batchId, cursor, issuedDelta, failedDelta, utc(now));
    }

    @Override
    public void finish(long batchId, Instant now) {
        batches.finish(batchId, utc(now));
    }

    @Override
    public Map<Long, List<Long>> abandoned(Instant staleBefore) {
        Map<Long, List<Long>> byTenant = new LinkedHashMap<>();
        for (Map<String, Object> row : batches.abandoned(utc(staleBefore))) {
            byTenant.computeIfAbsent(((Number) row.get("tenantId")).longValue(), t -> new ArrayList<>())
                    .add(((Number) row.get("id")).longValue());
        }
        return byTenant;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static GrantBatch toBatch(BatchRow r) {
        return new GrantBatch(r.id, r.templateId, r.reason, GrantBatch.BatchStatus.valueOf(r.status), r.total, r.cursorPos, r.issued,
                r.failed, r.createdAt.toInstant(ZoneOffset.UTC), r.updatedAt.toInstant(ZoneOffset.UTC));
    }

    private static BatchEntry toEntry(BatchEntryRow r) {
        return new BatchEntry(r.id, r.position, r.memberId, r.outcome, r.couponId);
    }
}
