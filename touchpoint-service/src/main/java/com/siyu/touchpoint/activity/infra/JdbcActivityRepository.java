package com.siyu.touchpoint.activity.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.touchpoint.activity.domain.Activity;
import com.siyu.touchpoint.activity.domain.ActivityRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcActivityRepository implements ActivityRepository {

    private final JdbcTemplate jdbc;

    JdbcActivityRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static long tenant() {
        return CallerContext.requireTenant();
    }

    @Override
    public long create(Activity a) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement insert = c.prepareStatement("insert into tp_activity (tenant_id, name, store_id, place, starts_at, ends_at, capacity,"
                    + " remind_minutes_before, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, tenant());
            insert.setString(2, a.name());
            insert.setObject(3, a.storeId());
            insert.setString(4, a.place());
            insert.setTimestamp(5, Timestamp.from(a.startsAt()));
            insert.setTimestamp(6, Timestamp.from(a.endsAt()));
            insert.setInt(7, a.capacity());
            insert.setInt(8, a.remindMinutesBefore());
            insert.setTimestamp(9, Timestamp.from(a.createdAt()));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    @Override
    public Optional<Activity> find(long id) {
        return jdbc.query("select * from tp_activity where tenant_id = ? and id = ?", this::toActivity, tenant(), id).stream().findFirst();
    }

    @Override
    public Optional<Activity> lock(long id) {
        return jdbc.query("select * from tp_activity where tenant_id = ? and id = ? for update", this::toActivity, tenant(), id).stream().findFirst();
    }

    @Override
    public List<Activity> upcoming(Instant now, int limit) {
        return jdbc.query("select * from tp_activity where tenant_id = ? and status = 'OPEN' and ends_at > ? order by starts_at, id limit ?",
                this::toActivity, tenant(), Timestamp.from(now), limit);
    }

    @Override
    public List<Activity> all(int limit) {
        return jdbc.query("select * from tp_activity where tenant_id = ? order by starts_at desc, id desc limit ?", this::toActivity, tenant(), limit);
    }

    @Override
    public boolean cancel(long id) {
        return jdbc.update("update tp_activity set status = 'CANCELLED' where tenant_id = ? and id = ? and status = 'OPEN'", tenant(), id) == 1;
    }

    @Override
    public Optional<Reservation> reservation(long activityId, long memberId) {
        return jdbc.query("select * from tp_reservation where tenant_id = ? and activity_id = ? and member_id = ?", this::toReservation, tenant(),
                activityId, memberId).stream().findFirst();
    }

    @Override
    public boolean takePlace(long activityId, Instant now) {
        return jdbc.update("update tp_activity set reserved = reserved + 1 where tenant_id = ? and id = ? and status = 'OPEN' and reserved < capacity"
                + " and starts_at > ?", tenant(), activityId, Timestamp.from(now)) == 1;
    }

    @Override
    public void givePlaceBack(long activityId) {
        jdbc.update("update tp_activity set reserved = reserved - 1 where tenant_id = ? and id = ? and reserved > 0", tenant(), activityId);
    }

    @Override
    public Reservation reserve(long activityId, long memberId, Instant now) {
        // the primary key is (tenant, activity, member): "on duplicate key" only meets this member's own cancelled reservation
        jdbc.update("insert into tp_reservation (tenant_id, activity_id, member_id, status, times, reserved_at) values (?, ?, ?, 'RESERVED', 1, ?)"
                + " on duplicate key update status = 'RESERVED', times = times + 1, reserved_at = values(reserved_at), cancelled_at = null", tenant(),
                activityId, memberId, Timestamp.from(now));
        return reservation(activityId, memberId).orElseThrow();
    }

    @Override
    public boolean cancelReservation(long activityId, long memberId, Instant now) {
        return jdbc.update("update tp_reservation set status = 'CANCELLED', cancelled_at = ? where tenant_id = ? and activity_id = ? and member_id = ?"
                + " and status = 'RESERVED'", Timestamp.from(now), tenant(), activityId, memberId) == 1;
    }

    @Override
    public List<Reservation> reservations(long activityId, String status, int limit) {
        if (status == null) {
            return jdbc.query("select * from tp_reservation where tenant_id = ? and activity_id = ? order by reserved_at, member_id limit ?",
                    this::toReservation, tenant(), activityId, limit);
        }
        return jdbc.query("select * from tp_reservation where tenant_id = ? and activity_id = ? and status = ? order by reserved_at, member_id limit ?",
                this::toReservation, tenant(), activityId, status, limit);
    }

    @Override
    public List<Reservation> ofMember(long memberId, int limit) {
        return jdbc.query("select * from tp_reservation where tenant_id = ? and member_id = ? order by reserved_at desc limit ?", this::toReservation,
                tenant(), memberId, limit);
    }

    private Activity toActivity(ResultSet rs, int n) throws SQLException {
        return new Activity(rs.getLong("id"), rs.getString("name"), rs.getObject("store_id", Long.class), rs.getString("place"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getInt("capacity"), rs.getInt("reserved"),
                rs.getInt("remind_minutes_before"), Activity.Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
    }

    private Reservation toReservation(ResultSet rs, int n) throws SQLException {
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        return new Reservation(rs.getLong("activity_id"), rs.getLong("member_id"), rs.getString("status"), rs.getInt("times"),
                rs.getTimestamp("reserved_at").toInstant(), cancelled == null ? null : cancelled.toInstant());
    }
}
