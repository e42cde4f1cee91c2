package com.siyu.guide.tasks.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.guide.tasks.domain.Task;
import com.siyu.guide.tasks.domain.TaskPolicy;
import com.siyu.guide.tasks.domain.TaskRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTaskRepository implements TaskRepository {

    private final JdbcTemplate jdbc;

    JdbcTaskRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TaskPolicy> policy() {
        return jdbc.query("select * from guide_task_policy where tenant_id = ?", (rs, n) -> new TaskPolicy(rs.getBoolean("welcome_enabled"),
                rs.getInt("welcome_hours"), rs.getString("welcome_content"), (Long) rs.getObject("big_spend_fen"), rs.getInt("big_spend_hours"),
                rs.getInt("reward_points"), rs.getInt("dormant_days"), rs.getInt("birthday_days"), rs.getBoolean("coupon_expiry_enabled")), CallerContext.requireTenant()).stream().findFirst();
    }

    @Override
    public void savePolicy(TaskPolicy p, Instant now) {
        // the primary key is the tenant: "on duplicate key" can only meet this tenant's row
        jdbc.update("insert into guide_task_policy (tenant_id, welcome_enabled, welcome_hours, welcome_content, big_spend_fen, big_spend_hours,"
                        + " reward_points, dormant_days, birthday_days, coupon_expiry_enabled, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on duplicate key update welcome_enabled = values(welcome_enabled), dormant_days = values(dormant_days),"
                        + " birthday_days = values(birthday_days), coupon_expiry_enabled = values(coupon_expiry_enabled),"
                        + " welcome_hours = values(welcome_hours), welcome_content = values(welcome_content), big_spend_fen = values(big_spend_fen),"
                        + " big_spend_hours = values(big_spend_hours), reward_points = values(reward_points), updated_at = values(updated_at)",
                CallerContext.requireTenant(), p.welcomeEnabled(), p.welcomeHours(), p.welcomeContent(), p.bigSpendFen(), p.bigSpendHours(),
                p.rewardPoints(), p.dormantDays(), p.birthdayDays(), p.couponExpiryEnabled(), Timestamp.from(now));
    }

    @Override
    public Optional<Long> insert(NewTask t, Instant now) {
        long tenant = CallerContext.requireTenant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(connection -> {
                PreparedStatement insert = connection.prepareStatement("insert into guide_task (tenant_id, rule, guide_id, store_id, member_id, title,"
                        + " content, coupon_template_id, reward_points, completes_on, source_key, status, due_at, created_by, created_at, chat_id, goal)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                insert.setLong(1, tenant);
                insert.setString(2, t.rule().name());
                insert.setLong(3, t.guideId());
                insert.setLong(4, t.storeId());
                insert.setObject(5, t.memberId());
                insert.setString(6, t.title());
                insert.setString(7, t.content());
                insert.setObject(8, t.couponTemplateId());
                insert.setInt(9, t.rewardPoints());
                insert.setString(10, t.completesOn().name());
                insert.setString(11, t.sourceKey());
                insert.setTimestamp(12, Timestamp.from(t.dueAt()));
                insert.setObject(13, t.createdBy());
                insert.setTimestamp(14, Timestamp.from(now));
                insert.setString(15, t.chatId());
                insert.setObject(16, t.goal());
                return insert;
            }, key);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return Optional.of(key.getKey().longValue());
    }

    @Override
    public Optional<Task> find(long id) {
        return jdbc.query("select * from guide_task where tenant_id = ? and id = ?", JdbcTaskRepository::toTask, CallerContext.requireTenant(), id)
                .stream().findFirst();
    }

    @Override
    public boolean complete(long id, String doneBy, String evidence, Instant at) {
        return jdbc.update("update guide_task set status = 'DONE', done_at = ?, done_by = ?, evidence = ? where tenant_id = ? and id = ?"
                + " and status = 'OPEN'", Timestamp.from(at), doneBy, evidence, CallerContext.requireTenant(), id) == 1;
    }

    @Override
    public List<Task> openOnPayment(long memberId, Instant paidAt) {
        return jdbc.query("select * from guide_task where tenant_id = ? and member_id = ? and status = 'OPEN' and completes_on = 'PAYMENT'"
                + " and created_at <= ? order by id", JdbcTaskRepository::toTask, CallerContext.requireTenant(), memberId, Timestamp.from(paidAt));
    }

    @Override
    public List<Task> openForGuide(long guideId, long memberId, java.util.Collection<Task.Rule> rules, Instant before) {
        String in = String.join(", ", java.util.Collections.nCopies(rules.size(), "?"));
        List<Object> args = new java.util.ArrayList<>(List.of(CallerContext.requireTenant(), guideId, memberId, Timestamp.from(before)));
        rules.forEach(r -> args.add(r.name()));
        return jdbc.query("select * from guide_task where tenant_id = ? and guide_id = ? and member_id = ? and status = 'OPEN' and completes_on = 'GUIDE'"
                + " and created_at <= ? and rule in (" + in + ") order by id", JdbcTaskRepository::toTask, args.toArray());
    }

    @Override
    public List<Task> openOnJoins(String chatId) {
        return jdbc.query("select * from guide_task where tenant_id = ? and chat_id = ? and status = 'OPEN' and completes_on = 'JOINS' order by id",
                JdbcTaskRepository::toTask, CallerContext.requireTenant(), chatId);
    }

    @Override
    public int shopperJoins(String chatId, Instant since) {
        return jdbc.queryForObject("select count(*) from guide_wecom_group_event e join guide_wecom_group_member m on m.tenant_id = e.tenant_id"
                + " and m.chat_id = e.chat_id and m.member_key = e.member_key and m.external = 1 where e.tenant_id = ? and e.chat_id = ?"
                + " and e.kind = 'JOIN' and e.at >= ?", Integer.class, CallerContext.requireTenant(), chatId, Timestamp.from(since));
    }

    @Override
    public long doneCount(long guideId) {
        return jdbc.queryForObject("select count(*) from guide_task where tenant_id = ? and guide_id = ? and status = 'DONE'", Long.class,
                CallerContext.requireTenant(), guideId);
    }

    @Override
    public void credit(Task task, Instant at) {
        if (task.rewardPoints() > 0) {
            jdbc.update("insert ignore into guide_points (tenant_id, guide_id, task_id, points, created_at) values (?, ?, ?, ?, ?)",
                    CallerContext.requireTenant(), task.guideId(), task.id(), task.rewardPoints(), Timestamp.from(at));
        }
    }

    @Override
    public long points(long guideId) {
        return jdbc.queryForObject("select coalesce(sum(points), 0) from guide_points where tenant_id = ? and guide_id = ?", Long.class,
                CallerContext.requireTenant(), guideId);
    }

    @Override
    public List<Task> list(Filter filter, Instant now, int limit) {
        StringBuilder sql = new StringBuilder("select t.* from guide_task t where t.tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(CallerContext.requireTenant()));
        if (filter.storeId() != null) {
            sql.append(" and t.store_id = ?");
            args.add(filter.storeId());
        }
        if (filter.guideId() != null) {
            sql.append(" and t.guide_id = ?");
            args.add(filter.guideId());
        }
        if (filter.overdueOnly()) {
            sql.append(" and t.status = 'OPEN' and t.due_at < ?");
            args.add(Timestamp.from(now));
        } else if (filter.status() != null) {
            sql.append(" and t.status = ?");
            args.add(filter.status().name());
        }
        args.add(limit);
        return jdbc.query(sql.append(" order by t.due_at, t.id limit ?").toString(), JdbcTaskRepository::toTask, args.toArray());
    }

    @Override
    public java.util.Set<Long> tenantsWithActiveGuides() {
        return new java.util.LinkedHashSet<>(jdbc.queryForList("select distinct tenant_id from guide where status = 'ACTIVE'", Long.class));
    }

    @Override
    public List<Task> ofMember(long memberId, int limit) {
        return jdbc.query("select * from guide_task where tenant_id = ? and member_id = ? order by status = 'OPEN' desc, id desc limit ?",
                JdbcTaskRepository::toTask, CallerContext.requireTenant(), memberId, limit);
    }

    @Override
    public Map<Long, List<Task>> overdue(Instant now, int limit) {
        Map<Long, List<Task>> byTenant = new LinkedHashMap<>();
        jdbc.query("select * from guide_task where status = 'OPEN' and escalated_at is null and due_at < ? order by tenant_id, id limit ?", rs -> {
            byTenant.computeIfAbsent(rs.getLong("tenant_id"), t -> new ArrayList<>()).add(toTask(rs, 0));
        }, Timestamp.from(now), limit);
        return byTenant;
    }

    @Override
    public void escalated(long id, Instant at) {
        jdbc.update("update guide_task set escalated_at = ? where tenant_id = ? and id = ? and escalated_at is null", Timestamp.from(at),
                CallerContext.requireTenant(), id);
    }

    @Override
    public int cancelOpen(long guideId, Task.Rule rule) {
        return jdbc.update("update guide_task set status = 'CANCELLED' where tenant_id = ? and guide_id = ? and rule = ? and status = 'OPEN'",
                CallerContext.requireTenant(), guideId, rule.name());
    }

    @Override
    public int moveOpen(long fromGuideId, Map<Long, Long> newGuideOf) {
        long tenant = CallerContext.requireTenant();
        // the leaver's open tasks about members first (few, by index): a 500-member chunk costs one read, not 500 updates
        List<Object[]> rows = new ArrayList<>();
        jdbc.query("select id, member_id from guide_task where tenant_id = ? and guide_id = ? and status = 'OPEN' and member_id is not null", rs -> {
            Long to = newGuideOf.get(rs.getLong(2));
            if (to != null) {
                rows.add(new Object[] {to, to, tenant, rs.getLong(1), fromGuideId});
            }
        }, tenant, fromGuideId);
        if (rows.isEmpty()) {
            return 0;
        }
        int moved = 0;
        for (int count : jdbc.batchUpdate("update guide_task set guide_id = ?, store_id = (select g.store_id from guide g where g.id = ?)"
                + " where tenant_id = ? and id = ? and guide_id = ? and status = 'OPEN'", rows)) {
            moved += Math.max(count, 0);
        }
        return moved;
    }

    @Override
    public List<Completion> completion(Long storeId, Instant from, Instant to, Instant now) {
        StringBuilder sql = new StringBuilder("select guide_id, count(*) assigned, coalesce(sum(status = 'DONE'), 0) done,"
                + " coalesce(sum(status = 'OPEN' and due_at < ?), 0) overdue from guide_task where tenant_id = ? and due_at >= ? and due_at < ?");
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(now), CallerContext.requireTenant(), Timestamp.from(from), Timestamp.from(to)));
        if (storeId != null) {
            sql.append(" and store_id = ?");
            args.add(storeId);
        }
        return jdbc.query(sql.append(" group by guide_id order by guide_id").toString(), (rs, n) -> new Completion(rs.getLong(1), rs.getLong(2),
                rs.getLong(3), rs.getLong(4)), args.toArray());
    }

    /** Tasks by a query of this package (the training path's). */
    List<Task> query(String sql, Object... args) {
        return jdbc.query(sql, JdbcTaskRepository::toTask, args);
    }

    private static Task toTask(ResultSet rs, int n) throws SQLException {
        return new Task(rs.getLong("id"), Task.Rule.valueOf(rs.getString("rule")), rs.getLong("guide_id"), rs.getLong("store_id"),
                (Long) rs.getObject("member_id"), rs.getString("title"), rs.getString("content"), (Long) rs.getObject("coupon_template_id"),
                rs.getInt("reward_points"), Task.CompletesOn.valueOf(rs.getString("completes_on")), Task.Status.valueOf(rs.getString("status")),
                instant(rs, "due_at"), instant(rs, "escalated_at"), instant(rs, "done_at"), rs.getString("done_by"), rs.getString("evidence"),
                instant(rs, "created_at"), rs.getString("chat_id"), (Integer) rs.getObject("goal"), rs.getString("step_code"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
