package com.siyu.guide.wecom.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.guide.wecom.domain.WecomApi;
import com.siyu.guide.wecom.domain.WecomTransfer;
import com.siyu.guide.wecom.domain.WecomTransferRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWecomTransferRepository implements WecomTransferRepository {

    private static final String DUE = "(status in ('PENDING', 'WAITING', 'FAILED') and next_at <= ?)";

    private final JdbcTemplate jdbc;

    JdbcWecomTransferRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void enqueue(long handoverId, List<WecomTransfer.New> transfers, Instant now) {
        long tenant = CallerContext.requireTenant();
        Timestamp when = Timestamp.from(now);
        jdbc.batchUpdate("insert ignore into guide_wecom_transfer (tenant_id, handover_id, member_id, external_user_id, from_guide_id, from_user_id,"
                + " to_guide_id, to_user_id, mode, status, detail, next_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", transfers, 500,
                (insert, t) -> {
                    insert.setLong(1, tenant);
                    insert.setLong(2, handoverId);
                    insert.setLong(3, t.memberId());
                    insert.setString(4, t.externalUserId());
                    insert.setLong(5, t.fromGuideId());
                    insert.setString(6, t.fromUserId());
                    insert.setLong(7, t.toGuideId());
                    insert.setString(8, t.toUserId());
                    insert.setString(9, t.mode().name());
                    insert.setString(10, t.status().name());
                    insert.setString(11, t.detail());
                    insert.setTimestamp(12, t.status() == WecomTransfer.Status.PENDING ? when : null);
                    insert.setTimestamp(13, when);
                });
    }

    @Override
    public Set<Long> tenantsDue(Instant now) {
        return new LinkedHashSet<>(jdbc.queryForList("select distinct tenant_id from guide_wecom_transfer where " + DUE, Long.class, Timestamp.from(now)));
    }

    @Override
    public List<WecomTransfer> due(Instant now, int limit) {
        return jdbc.query("select * from guide_wecom_transfer where tenant_id = ? and " + DUE + " order by id limit ?",
                JdbcWecomTransferRepository::toTransfer, CallerContext.requireTenant(), Timestamp.from(now), limit);
    }

    @Override
    public void update(long id, WecomTransfer.Status status, int attempts, Integer errcode, String detail, Instant nextAt, Instant now) {
        jdbc.update("update guide_wecom_transfer set status = ?, attempts = ?, errcode = ?, detail = ?, next_at = ?, updated_at = ?"
                        + " where tenant_id = ? and id = ?", status.name(), attempts, errcode,
                Columns.clip(detail, 200), nextAt == null ? null : Timestamp.from(nextAt),
                Timestamp.from(now), CallerContext.requireTenant(), id);
    }

    @Override
    public Optional<WecomTransfer> waiting(String toUserId, String externalUserId) {
        return jdbc.query("select * from guide_wecom_transfer where tenant_id = ? and to_user_id = ? and external_user_id = ? and status = 'WAITING'"
                + " order by id desc limit 1", JdbcWecomTransferRepository::toTransfer, CallerContext.requireTenant(), toUserId, externalUserId)
                .stream().findFirst();
    }

    @Override
    public List<WecomTransfer> ofHandover(long handoverId) {
        return jdbc.query("select * from guide_wecom_transfer where tenant_id = ? and handover_id = ? order by id",
                JdbcWecomTransferRepository::toTransfer, CallerContext.requireTenant(), handoverId);
    }

    private static WecomTransfer toTransfer(ResultSet rs, int n) throws SQLException {
        Timestamp next = rs.getTimestamp("next_at");
        return new WecomTransfer(rs.getLong("id"), rs.getLong("handover_id"), rs.getLong("member_id"), rs.getString("external_user_id"),
                rs.getLong("from_guide_id"), rs.getString("from_user_id"), rs.getLong("to_guide_id"), rs.getString("to_user_id"),
                WecomApi.TransferMode.valueOf(rs.getString("mode")), WecomTransfer.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                (Integer) rs.getObject("errcode"), rs.getString("detail"), next == null ? null : next.toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
