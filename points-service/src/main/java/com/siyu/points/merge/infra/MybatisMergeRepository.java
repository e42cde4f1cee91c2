package com.siyu.points.merge.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.points.merge.domain.MergeRepository;
import com.siyu.points.merge.domain.UnmergeTransfer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisMergeRepository implements MergeRepository {

    private final MergeMapper merges;
    private final MergeLotMapper lots;
    private final Clock clock;

    MybatisMergeRepository(MergeMapper merges, MergeLotMapper lots, Clock clock) {
        this.merges = merges;
        this.lots = lots;
        this.clock = clock;
    }

    @Override
    public boolean begin(long mergeId, long survivorId, long mergedId) {
        MergeRow row = new MergeRow();
        row.tenantId = CallerContext.requireTenant();
        row.mergeId = mergeId;
        row.survivorId = survivorId;
        row.mergedId = mergedId;
        row.status = Status.MERGED.name();
        row.movedPoints = 0L;
        row.movedDebt = 0L;
        row.returnedPoints = 0L;
        row.returnedDebt = 0L;
        row.createdAt = now();
        row.updatedAt = row.createdAt;
        try {
            merges.insert(row);
            return true;
        } catch (DuplicateKeyException recordedBefore) {
            return false;
        }
    }

    @Override
    public void recordMoved(long mergeId, long points, long debt) {
        merges.update(null, new UpdateWrapper<MergeRow>().eq("merge_id", mergeId)
                .set("moved_points", points).set("moved_debt", debt).set("updated_at", now()));
    }

    @Override
    public void addMoved(long mergeId, long points, long debt) {
        merges.update(null, new UpdateWrapper<MergeRow>().eq("merge_id", mergeId)
                .setSql("moved_points = moved_points + " + points + ", moved_debt = moved_debt + " + debt).set("updated_at", now()));
    }

    @Override
    public Optional<AppliedMerge> activeMergeOf(long mergedId) {
        return merges.selectList(new QueryWrapper<MergeRow>().eq("merged_id", mergedId).eq("status", Status.MERGED.name())
                        .orderByDesc("id").last("limit 1")).stream().findFirst()
                .map(row -> new AppliedMerge(row.mergeId, row.survivorId, row.mergedId, Status.valueOf(row.status),
                        row.movedPoints, row.movedDebt, row.returnedPoints, row.returnedDebt));
    }

    @Override
    public void recordLot(long mergeId, long fromLotId, long toLotId, long points) {
        MergeLotRow row = new MergeLotRow();
        row.tenantId = CallerContext.requireTenant();
        row.mergeId = mergeId;
        row.fromLotId = fromLotId;
        row.toLotId = toLotId;
        row.points = points;
        row.returnedPoints = 0L;
        row.createdAt = now();
        lots.insert(row);
    }

    @Override
    public boolean beginUndo(long mergeId) {
        return merges.beginUndo(mergeId, now()) == 1;
    }

    @Override
    public void recordReturned(long mergeId, long points, long debt, List<UnmergeTransfer.LotReturn> returned) {
        merges.update(null, new UpdateWrapper<MergeRow>().eq("merge_id", mergeId)
                .set("returned_points", points).set("returned_debt", debt).set("updated_at", now()));
        for (UnmergeTransfer.LotReturn lot : returned) {
            lots.update(null, new UpdateWrapper<MergeLotRow>().eq("merge_id", mergeId).eq("to_lot_id", lot.toLotId())
                    .set("returned_points", lot.points()));
        }
    }

    @Override
    public Optional<AppliedMerge> find(long mergeId) {
        return Optional.ofNullable(merges.selectOne(new QueryWrapper<MergeRow>().eq("merge_id", mergeId)))
                .map(row -> new AppliedMerge(row.mergeId, row.survivorId, row.mergedId, Status.valueOf(row.status),
                        row.movedPoints, row.movedDebt, row.returnedPoints, row.returnedDebt));
    }

    @Override
    public List<UnmergeTransfer.MovedLot> movedLots(long mergeId) {
        return merges.movedLots(mergeId).stream().map(row -> new UnmergeTransfer.MovedLot(number(row, "fromLotId"),
                number(row, "toLotId"), number(row, "moved"), number(row, "remainingNow"))).toList();
    }

    private static long number(Map<String, Object> row, String key) {
        Object value = row.get(key);
        if (value == null) {
            value = row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).findFirst().orElse(0L);
        }
        return ((Number) value).longValue();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
