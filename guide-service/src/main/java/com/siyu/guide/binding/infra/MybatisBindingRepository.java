package com.siyu.guide.binding.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.guide.binding.domain.Binding;
import com.siyu.guide.binding.domain.BindingRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisBindingRepository implements BindingRepository {

    private final BindingMapper bindings;
    private final GuideMergeMapper merges;
    private final Clock clock;

    MybatisBindingRepository(BindingMapper bindings, GuideMergeMapper merges, Clock clock) {
        this.bindings = bindings;
        this.merges = merges;
        this.clock = clock;
    }

    @Override
    public Optional<Binding> of(long memberId) {
        return Optional.ofNullable(bindings.selectOne(new QueryWrapper<BindingRow>().eq("member_id", memberId)))
                .map(row -> new Binding(row.memberId, row.guideId, row.source, row.boundAt.toInstant(ZoneOffset.UTC)));
    }

    @Override
    public void bind(long memberId, long guideId, String source) {
        if (!bindIfUnbound(memberId, guideId, source)) {
            bindings.rebind(memberId, guideId, source, now());
        }
    }

    @Override
    public boolean bindIfUnbound(long memberId, long guideId, String source) {
        BindingRow row = new BindingRow();
        row.tenantId = CallerContext.requireTenant();
        row.memberId = memberId;
        row.guideId = guideId;
        row.source = source;
        row.boundAt = now();
        try {
            bindings.insert(row);
            return true;
        } catch (DuplicateKeyException alreadyBound) {
            return false;
        }
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

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
