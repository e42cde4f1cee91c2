package com.siyu.points.expiry.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.points.account.domain.Lot;
import com.siyu.points.account.infra.DbTime;
import com.siyu.points.account.infra.LotMapper;
import com.siyu.points.account.infra.LotRow;
import com.siyu.points.expiry.domain.ExpiryRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
class MybatisExpiryRepository implements ExpiryRepository {

    private final ExpiryMapper expiry;
    private final LotMapper lots;
    private final Clock clock;

    MybatisExpiryRepository(ExpiryMapper expiry, LotMapper lots, Clock clock) {
        this.expiry = expiry;
        this.lots = lots;
        this.clock = clock;
    }

    @Override
    public List<Long> tenantsWithLotsDueBy(LocalDate through) {
        return expiry.tenantsWithLotsDueBy(through);
    }

    @Override
    public List<Lot> expiredBefore(LocalDate day, int limit) {
        return lots.selectList(new QueryWrapper<LotRow>().gt("remaining", 0).lt("expires_on", day).orderByAsc("id").last("limit " + limit))
                .stream().map(MybatisExpiryRepository::toLot).toList();
    }

    @Override
    public List<Lot> unremindedDueBy(LocalDate through, int limit) {
        return lots.selectList(new QueryWrapper<LotRow>().gt("remaining", 0).le("expires_on", through).isNull("expiry_notified_at")
                        .orderByAsc("member_id", "id").last("limit " + limit))
                .stream().map(MybatisExpiryRepository::toLot).toList();
    }

    @Override
    public boolean markReminded(long lotId) {
        return expiry.markReminded(lotId, DbTime.now(clock)) == 1;
    }

    private static Lot toLot(LotRow row) {
        return new Lot(row.id, row.memberId, row.issuingStoreId, row.merchantId, row.points, row.remaining, row.expiresOn,
                row.sourceBizId, row.earnedPoints, row.amountFen, row.refundedFen, row.reversedPoints);
    }
}
