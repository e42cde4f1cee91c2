package com.siyu.guide.binding.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.guide.binding.domain.Binding;
import com.siyu.guide.binding.domain.BindingChange;
import com.siyu.guide.binding.domain.BindingRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisBindingRepository implements BindingRepository {

    private final BindingMapper bindings;
    private final BindingHistoryMapper history;
    private final GuideMergeMapper merges;
    private final Clock clock;

    MybatisBindingRepository(BindingMapper bindings, BindingHistoryMapper history, GuideMergeMapper merges, Clock clock) {
        this.bindings = bindings;
        this.history = history;
        this.merges = merges;
        this.clock = clock;
    }

    @Override
    public Optional<Binding> of(long memberId) {
        return Optional.ofNullable(bindings.selectOne(new QueryWrapper<BindingRow>().eq("member_id", memberId)))
                .map(MybatisBindingRepository::toBinding);
    }

    @Override
    public Optional<Binding> lock(long memberId) {
        return Optional.ofNullable(bindings.lock(memberId)).map(MybatisBindingRepository::toBinding);
    }

    @Override
    public boolean insert(Binding binding) {
        BindingRow row = new BindingRow();
        row.tenantId = CallerContext.requireTenant();
        row.memberId = binding.memberId();
        row.guideId = binding.guideId();
        row.source = binding.source();
        row.channel = binding.channel();
        row.boundAt = utc(binding.boundAt());
        try {
            bindings.insert(row);
            return true;
        } catch (DuplicateKeyException alreadyBound) {
            return false;
        }
    }

    @Override
    public void move(Binding binding) {
        bindings.move(binding.memberId(), binding.guideId(), binding.source(), binding.channel(), utc(binding.boundAt()));
    }

    @Override
    public void appendHistory(long memberId, Long fromGuideId, Long toGuideId, String source, String channel, Long actorStaffId,
                              String reason, Instant at) {
        BindingHistoryRow row = new BindingHistoryRow();
        row.tenantId = CallerContext.requireTenant();
        row.memberId = memberId;
        row.fromGuideId = fromGuideId;
        row.toGuideId = toGuideId;
        row.source = source;
        row.channel = channel;
        row.actorStaffId = actorStaffId;
        row.reason = reason;
        row.createdAt = utc(at);
        history.insert(row);
    }

    @Override
    public List<BindingChange> history(long memberId, long beforeId, int limit) {
        QueryWrapper<BindingHistoryRow> query = new QueryWrapper<BindingHistoryRow>().eq("member_id", memberId);
        if (beforeId > 0) {
            query.lt("id", beforeId);
        }
        return history.selectList(query.orderByDesc("id").last("limit " + limit)).stream()
                .map(row -> new BindingChange(row.id, row.memberId, row.fromGuideId, row.toGuideId, row.source, row.channel, row.actorStaffId,
                        row.reason, row.createdAt.toInstant(ZoneOffset.UTC)))
                .toList();
    }

    @Override
    public List<Binding> ofGuide(long guideId, long afterMemberId, int limit) {
        return bindings.selectList(new QueryWrapper<BindingRow>().eq("guide_id", guideId).gt("member_id", afterMemberId)
                .orderByAsc("member_id").last("limit " + limit)).stream().map(MybatisBindingRepository::toBinding).toList();
    }

    @Override
    public boolean unbind(long memberId, long guideId, String source) {
        return bindings.delete(new QueryWrapper<BindingRow>().eq("member_id", memberId).eq("guide_id", guideId).eq("source", source)) == 1;
    }

    @Override
    public boolean beginMerge(long mergeId, long survivorId, long mergedId) {
        GuideMergeRow row = new GuideMergeRow();
        row.tenantId = CallerContext.requireTenant();
        row.mergeId = mergeId;
        row.survivorId = survivorId;
        row.mergedId = mergedId;
        row.status = "MERGED";
        row.createdAt = now();
        try {
            merges.insert(row);
            return true;
        } catch (DuplicateKeyException recordedBefore) {
            return false;
        }
    }

    @Override
    public void recordInherited(long mergeId, long guideId) {
        merges.update(null, new UpdateWrapper<GuideMergeRow>().eq("merge_id", mergeId).set("inherited_guide_id", guideId));
    }

    @Override
    public boolean beginUndo(long mergeId) {
        return merges.beginUndo(mergeId) == 1;
    }

    @Override
    public Optional<AppliedMerge> merge(long mergeId) {
        return Optional.ofNullable(merges.selectOne(new QueryWrapper<GuideMergeRow>().eq("merge_id", mergeId)))
                .map(row -> new AppliedMerge(row.survivorId, row.mergedId, row.inheritedGuideId));
    }

    private static Binding toBinding(BindingRow row) {
        return new Binding(row.memberId, row.guideId, row.source, row.channel, row.boundAt.toInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
