package com.siyu.points.account.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.points.account.domain.Lot;
import com.siyu.points.account.domain.LotRepository;
import com.siyu.points.account.domain.LotTake;
import com.siyu.points.account.domain.MovementKind;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class MybatisLotRepository implements LotRepository {

    private final LotMapper lots;
    private final MovementMapper movements;
    private final Clock clock;

    MybatisLotRepository(LotMapper lots, MovementMapper movements, Clock clock) {
        this.lots = lots;
        this.movements = movements;
        this.clock = clock;
    }

    @Override
    public long insert(long accountId, long memberId, long journalId, LotSource source, long points, long earnedPoints) {
        LotRow row = new LotRow();
        row.tenantId = CallerContext.requireTenant();
        row.accountId = accountId;
        row.memberId = memberId;
        row.journalId = journalId;
        row.issuingStoreId = source.issuingStoreId();
        row.merchantId = source.merchantId();
        row.points = points;
        row.remaining = points;
        row.earnedPoints = earnedPoints;
        row.expiresOn = source.expiresOn();
        row.sourceBizId = source.sourceBizId();
        row.amountFen = source.amountFen();
        row.refundedFen = 0L;
        row.reversedPoints = 0L;
        row.createdAt = DbTime.now(clock);
        row.updatedAt = row.createdAt;
        lots.insert(row);
        return row.id;
    }

    @Override
    public List<Lot> open(long memberId) {
        return lots.selectList(new QueryWrapper<LotRow>().eq("member_id", memberId).gt("remaining", 0))
                .stream().map(MybatisLotRepository::toLot).toList();
    }

    @Override
    public List<Lot> all(long memberId, int limit) {
        return lots.selectList(new QueryWrapper<LotRow>().eq("member_id", memberId).orderByDesc("id").last("limit " + limit))
                .stream().map(MybatisLotRepository::toLot).toList();
    }

    @Override
    public Optional<Lot> find(long lotId) {
        return Optional.ofNullable(lots.selectById(lotId)).map(MybatisLotRepository::toLot);
    }

    @Override
    public Optional<Lot> earnedBy(long memberId, String sourceBizId) {
        return lots.selectList(new QueryWrapper<LotRow>().eq("member_id", memberId).eq("source_biz_id", sourceBizId)
                        .gt("amount_fen", 0).orderByAsc("id").last("limit 1"))
                .stream().findFirst().map(MybatisLotRepository::toLot);
    }

    @Override
    public boolean take(long lotId, long points) {
        return lots.take(lotId, points, DbTime.now(clock)) == 1;
    }

    @Override
    public boolean giveBack(long lotId, long points) {
        return lots.giveBack(lotId, points, DbTime.now(clock)) == 1;
    }

    @Override
    public boolean recordRefund(long lotId, long refundFen, long reversedPoints) {
        return lots.recordRefund(lotId, refundFen, reversedPoints, DbTime.now(clock)) == 1;
    }

    @Override
    public void appendMovements(long journalId, long memberId, MovementKind kind, Long consumingStoreId, List<LotTake> takes) {
        long tenant = CallerContext.requireTenant();
        LocalDateTime now = DbTime.now(clock);
        for (LotTake take : takes) {
            MovementRow row = new MovementRow();
            row.tenantId = tenant;
            row.journalId = journalId;
            row.memberId = memberId;
            row.lotId = take.lotId();
            row.kind = kind.name();
            row.issuingStoreId = take.issuingStoreId();
            row.consumingStoreId = consumingStoreId;
            row.points = take.points();
            row.createdAt = now;
            movements.insert(row);
        }
    }

    @Override
    public List<LotTake> movementsOf(long journalId) {
        Map<Long, LotTake> net = new LinkedHashMap<>();
        for (MovementRow row : movements.selectList(new QueryWrapper<MovementRow>().eq("journal_id", journalId).orderByAsc("id"))) {
            net.merge(row.lotId, new LotTake(row.lotId, row.issuingStoreId, row.points),
                    (a, b) -> new LotTake(a.lotId(), a.issuingStoreId(), a.points() + b.points()));
        }
        return net.values().stream().filter(take -> take.points() != 0).toList();
    }

    @Override
    public List<Movement> movementLines(long journalId) {
        return movements.selectList(new QueryWrapper<MovementRow>().eq("journal_id", journalId).orderByAsc("id")).stream()
                .map(row -> new Movement(row.lotId, MovementKind.valueOf(row.kind), row.issuingStoreId, row.consumingStoreId, row.points))
                .toList();
    }

    static Lot toLot(LotRow row) {
        return new Lot(row.id, row.memberId, row.issuingStoreId, row.merchantId, row.points, row.remaining, row.expiresOn,
                row.sourceBizId, row.earnedPoints, row.amountFen, row.refundedFen, row.reversedPoints);
    }
}
