package com.siyu.points.account.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.points.account.domain.Reservation;
import com.siyu.points.account.domain.ReservationRepository;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class MybatisReservationRepository implements ReservationRepository {

    private final ReservationMapper reservations;
    private final Clock clock;

    MybatisReservationRepository(ReservationMapper reservations, Clock clock) {
        this.reservations = reservations;
        this.clock = clock;
    }

    @Override
    public void insert(long memberId, String bizId, long points, Long storeId, long journalId) {
        ReservationRow row = new ReservationRow();
        row.tenantId = CallerContext.requireTenant();
        row.memberId = memberId;
        row.bizId = bizId;
        row.points = points;
        row.storeId = storeId;
        row.status = Reservation.Status.HELD.name();
        row.journalId = journalId;
        row.createdAt = DbTime.now(clock);
        row.updatedAt = row.createdAt;
        reservations.insert(row);
    }

    @Override
    public Optional<Reservation> find(String bizId) {
        return Optional.ofNullable(reservations.selectOne(new QueryWrapper<ReservationRow>().eq("biz_id", bizId)))
                .map(row -> new Reservation(row.id, row.memberId, row.bizId, row.points, row.storeId,
                        Reservation.Status.valueOf(row.status), row.journalId, DbTime.instant(row.createdAt)));
    }

    @Override
    public boolean transition(String bizId, Reservation.Status from, Reservation.Status to) {
        return reservations.transition(bizId, from.name(), to.name(), DbTime.now(clock)) == 1;
    }

    @Override
    public long returned(String bizId) {
        Long returned = reservations.returned(bizId);
        return returned == null ? 0 : returned;
    }

    @Override
    public boolean addReturned(String bizId, long before, long points) {
        return reservations.addReturned(bizId, before, points, DbTime.now(clock)) == 1;
    }
}
