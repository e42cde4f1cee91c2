package com.siyu.guide.handover.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.guide.handover.domain.Handover;
import com.siyu.guide.handover.domain.HandoverRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handovers in plain JDBC: a chunk is three set-based statements over its entries (not one round trip per
 * member), each naming the tenant explicitly.
 */
@Repository
class JdbcHandoverRepository implements HandoverRepository {

    private static final int INSERT_BATCH = 1000;

    private final JdbcTemplate jdbc;

    JdbcHandoverRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> membersOf(long guideId) {
        return jdbc.queryForList("select member_id from guide_binding where tenant_id = ? and guide_id = ? order by member_id", Long.class,
                tenant(), guideId);
    }

    @Override
    public Map<Long, Long> memberCounts(List<Long> guideIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (guideIds.isEmpty()) {
            return counts;
        }
        String marks = String.join(",", guideIds.stream().map(id -> "?").toList());
        List<Object> args = new ArrayList<>();
        args.add(tenant());
        args.addAll(guideIds);
        jdbc.query("select guide_id, count(*) from guide_binding where tenant_id = ? and guide_id in (" + marks + ") group by guide_id",
                rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                }, args.toArray());
        return counts;
    }

    @Override
    public boolean running(long guideId) {
        return jdbc.queryForObject("select count(*) from guide_handover where tenant_id = ? and guide_id = ? and status = 'RUNNING'",
                Integer.class, tenant(), guideId) > 0;
    }

    @Override
    @Transactional
    public long create(long guideId, String guideStatus, String mode, String reason, Long createdBy, List<Long> members,
                       List<Long> successors, Instant now) {
        long tenant = tenant();
        Timestamp at = Timestamp.from(now);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into guide_handover (tenant_id, guide_id, guide_status, mode, reason,"
                    + " status, total, created_by, created_at, heartbeat_at) values (?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, tenant);
            insert.setLong(2, guideId);
            insert.setString(3, guideStatus);
            insert.setString(4, mode);
            insert.setString(5, reason);
            insert.setInt(6, members.size());
            insert.setObject(7, createdBy);
            insert.setTimestamp(8, at);
            insert.setTimestamp(9, at);
            return insert;
        }, key);
        long id = key.getKey().longValue();
        for (int from = 0; from < members.size(); from += INSERT_BATCH) {
            int start = from;
            int end = Math.min(members.size(), from + INSERT_BATCH);
            jdbc.batchUpdate("insert into guide_handover_entry (tenant_id, handover_id, position, member_id, from_guide_id, to_guide_id)"
                    + " values (?, ?, ?, ?, ?, ?)", new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int i) throws SQLException {
                            int position = start + i;
                            ps.setLong(1, tenant);
                            ps.setLong(2, id);
                            ps.setInt(3, position);
                            ps.setLong(4, members.get(position));
                            ps.setLong(5, guideId);
                            ps.setLong(6, successors.get(position));
                        }

                        @Override
                        public int getBatchSize() {
                            return end - start;
                        }
                    });
        }
        return id;
    }

    @Override
    public Optional<Handover> find(long id) {
        return jdbc.query("select * from guide_handover where tenant_id = ? and id = ?", JdbcHandoverRepository::toHandover, tenant(), id)
                .stream().findFirst();
    }

    @Override
    @Transactional
    public List<Moved> applyChunk(long id, int from, int to, String reason, Instant now) {
        long tenant = tenant();
        Timestamp at = Timestamp.from(now);
        String range = " e.tenant_id = ? and e.handover_id = ? and e.position >= ? and e.position < ?";
        // 1. which members are still the leaver's (their binding rows locked until commit)
        int moved = jdbc.update("update guide_handover_entry e join guide_binding b on b.tenant_id = e.tenant_id and b.member_id = e.member_id"
                + " and b.guide_id = e.from_guide_id set e.outcome = 'MOVED' where" + range + " and e.outcome is null", tenant, id, from, to);
        // 2. their history, then 3. the move itself
        jdbc.update("insert into guide_binding_history (tenant_id, member_id, from_guide_id, to_guide_id, source, actor_staff_id, reason,"
                + " created_at) select e.tenant_id, e.member_id, e.from_guide_id, e.to_guide_id, 'HANDOVER', h.created_by, ?, ?"
                + " from guide_handover_entry e join guide_handover h on h.id = e.handover_id where" + range + " and e.outcome = 'MOVED'",
                reason, at, tenant, id, from, to);
        jdbc.update("update guide_binding b join guide_handover_entry e on b.tenant_id = e.tenant_id and b.member_id = e.member_id"
                + " and b.guide_id = e.from_guide_id set b.guide_id = e.to_guide_id, b.source = 'HANDOVER', b.channel = null, b.bound_at = ?"
                + " where" + range + " and e.outcome = 'MOVED'", at, tenant, id, from, to);
        // 4. the rest were bound elsewhere meanwhile
        int skipped = jdbc.update("update guide_handover_entry e set e.outcome = 'SKIPPED' where" + range + " and e.outcome is null",
                tenant, id, from, to);
        // the cursor moves only from where this runner found it: a second runner's chunk rolls back whole
        if (jdbc.update("update guide_handover set cursor_pos = ?, moved = moved + ?, skipped = skipped + ?, heartbeat_at = ?"
                + " where tenant_id = ? and id = ? and cursor_pos = ? and status = 'RUNNING'", to, moved, skipped, at, tenant, id, from) != 1) {
            throw new OptimisticLockingFailureException("handover " + id + " moved past " + from + " under another runner");
        }
        return moved == 0 ? List.of() : jdbc.query("select e.member_id, e.to_guide_id from guide_handover_entry e where" + range
                + " and e.outcome = 'MOVED' order by e.position", (rs, i) -> new Moved(rs.getLong(1), rs.getLong(2)), tenant, id, from, to);
    }

    @Override
    public void finish(long id, Instant now) {
        jdbc.update("update guide_handover set status = 'DONE', finished_at = ?, heartbeat_at = ? where tenant_id = ? and id = ?"
                + " and status = 'RUNNING' and cursor_pos = total", Timestamp.from(now), Timestamp.from(now), tenant(), id);
    }

    @Override
    public boolean takeOver(long id, Instant now, Instant silentSince) {
        return jdbc.update("update guide_handover set heartbeat_at = ? where tenant_id = ? and id = ? and status = 'RUNNING'"
                + " and heartbeat_at < ?", Timestamp.from(now), tenant(), id, Timestamp.from(silentSince)) == 1;
    }

    @Override
    public Map<Long, List<Long>> abandoned(Instant silentSince) {
        Map<Long, List<Long>> byTenant = new LinkedHashMap<>();
        jdbc.query("select tenant_id, id from guide_handover where status = 'RUNNING' and heartbeat_at < ? order by id limit 100",
                rs -> {
                    byTenant.computeIfAbsent(rs.getLong(1), t -> new ArrayList<>()).add(rs.getLong(2));
                }, Timestamp.from(silentSince));
        return byTenant;
    }

    @Override
    public Map<Long, Long> received(long id) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.query("select to_guide_id, count(*) from guide_handover_entry where tenant_id = ? and handover_id = ? and outcome = 'MOVED'"
                + " group by to_guide_id order by to_guide_id", rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                }, tenant(), id);
        return counts;
    }

    private static long tenant() {
        return CallerContext.requireTenant();
    }

    private static Handover toHandover(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        long creator = rs.getLong("created_by");
        Long createdBy = rs.wasNull() ? null : creator;
        return new Handover(rs.getLong("id"), rs.getLong("guide_id"), rs.getString("guide_status"), rs.getString("mode"), rs.getString("reason"),
                Handover.Status.valueOf(rs.getString("status")), rs.getInt("total"), rs.getInt("cursor_pos"), rs.getInt("moved"),
                rs.getInt("skipped"), createdBy, rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
