package com.siyu.guide.targets.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.guide.targets.domain.Metric;
import com.siyu.guide.targets.domain.Target;
import com.siyu.guide.targets.domain.TargetRepository;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Targets in plain JDBC; the actuals are one statement over the ledgers with the mall's day boundaries as a derived table. */
@Repository
class JdbcTargetRepository implements TargetRepository {

    private final JdbcTemplate jdbc;

    JdbcTargetRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public long create(String name, Metric metric, LocalDate startsOn, LocalDate endsOn, long goal, long[] dayWeights, Long createdBy, Instant now,
                       List<Target.Node> nodes) {
        long tenant = CallerContext.requireTenant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into guide_target (tenant_id, name, metric, starts_on, ends_on, goal,"
                    + " day_weights, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, tenant);
            insert.setString(2, name);
            insert.setString(3, metric.name());
            insert.setDate(4, Date.valueOf(startsOn));
            insert.setDate(5, Date.valueOf(endsOn));
            insert.setLong(6, goal);
            insert.setString(7, Arrays.stream(dayWeights).mapToObj(Long::toString).collect(Collectors.joining(",")));
            insert.setObject(8, createdBy);
            insert.setTimestamp(9, Timestamp.from(now));
            return insert;
        }, key);
        long id = key.getKey().longValue();
        jdbc.batchUpdate("insert into guide_target_node (tenant_id, target_id, position, parent_pos, level, ref_id, name, weight, goal)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", nodes.stream().map(n -> new Object[] {tenant, id, n.index(), n.parent(), n.level().name(),
                        n.refId(), n.name(), n.weight(), n.goal()}).toList());
        return id;
    }

    @Override
    public Optional<Target> find(long id) {
        long tenant = CallerContext.requireTenant();
        List<Target.Node> nodes = jdbc.query("select * from guide_target_node where tenant_id = ? and target_id = ? order by position",
                (rs, i) -> new Target.Node(rs.getInt("position"), rs.getInt("parent_pos"), Target.Level.valueOf(rs.getString("level")),
                        rs.getObject("ref_id", Long.class), rs.getString("name"), rs.getLong("weight"), rs.getLong("goal")), tenant, id);
        return jdbc.query("select * from guide_target where tenant_id = ? and id = ?", (rs, i) -> toTarget(rs, nodes), tenant, id).stream()
                .findFirst();
    }

    @Override
    public List<Target> list(long beforeId, int limit) {
        return jdbc.query("select * from guide_target where tenant_id = ? and id < ? order by id desc limit ?", (rs, i) -> toTarget(rs, List.of()),
                CallerContext.requireTenant(), beforeId, limit);
    }

    @Override
    public Map<Long, long[]> actuals(Metric metric, List<Long> guideIds, List<Instant> dayStarts) {
        int days = dayStarts.size() - 1;
        Map<Long, long[]> out = new HashMap<>();
        if (guideIds.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        StringBuilder boundaries = new StringBuilder();
        for (int d = 0; d < days; d++) {
            boundaries.append(d == 0 ? "select ? n, ? f, ? t" : " union all select ?, ?, ?");
            args.add(d);
            args.add(Timestamp.from(dayStarts.get(d)));
            args.add(Timestamp.from(dayStarts.get(d + 1)));
        }
        long tenant = CallerContext.requireTenant();
        String in = guideIds.stream().map(g -> "?").collect(Collectors.joining(", "));
        String sql = switch (metric) {
            case NEW_BINDINGS -> "select d.n, h.to_guide_id, count(*) from (" + boundaries + ") d join guide_binding_history h"
                    + " on h.tenant_id = ? and h.created_at >= d.f and h.created_at < d.t and h.source in ('CODE', 'LINK', 'WECOM', 'STAFF')"
                    + " and h.to_guide_id in (" + in + ") group by d.n, h.to_guide_id";
            case ATTRIBUTED_SALES -> "select d.n, a.guide_id, sum(a.paid_fen) from (" + boundaries + ") d join guide_attribution a"
                    + " on a.tenant_id = ? and a.paid_at >= d.f and a.paid_at < d.t and a.guide_id in (" + in + ") group by d.n, a.guide_id";
        };
        args.add(tenant);
        args.addAll(guideIds);
        jdbc.query(sql, rs -> {
            out.computeIfAbsent(rs.getLong(2), g -> new long[days])[rs.getInt(1)] = rs.getLong(3);
        }, args.toArray());
        return out;
    }

    private static Target toTarget(ResultSet rs, List<Target.Node> nodes) throws SQLException {
        long[] weights = Arrays.stream(rs.getString("day_weights").split(",")).mapToLong(Long::parseLong).toArray();
        return new Target(rs.getLong("id"), rs.getString("name"), Metric.valueOf(rs.getString("metric")), rs.getDate("starts_on").toLocalDate(),
                rs.getDate("ends_on").toLocalDate(), rs.getLong("goal"), weights, rs.getObject("created_by", Long.class),
                rs.getTimestamp("created_at").toInstant(), nodes);
    }
}
