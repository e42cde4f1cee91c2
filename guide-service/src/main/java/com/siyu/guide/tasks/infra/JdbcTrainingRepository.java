package com.siyu.guide.tasks.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.guide.tasks.domain.Task;
import com.siyu.guide.tasks.domain.TrainingRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTrainingRepository implements TrainingRepository {

    private final JdbcTemplate jdbc;
    private final JdbcTaskRepository tasks;

    JdbcTrainingRepository(JdbcTemplate jdbc, JdbcTaskRepository tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    @Override
    public List<Step> steps() {
        return jdbc.query("select * from guide_training_step where tenant_id = ? and active = 1 order by position", (rs, n) -> new Step(
                rs.getString("code"), rs.getInt("position"), rs.getString("title"), rs.getString("content"), rs.getInt("reward_points"),
                rs.getInt("due_days")), CallerContext.requireTenant());
    }

    @Override
    public int savePath(List<Step> steps, Instant now) {
        long tenant = CallerContext.requireTenant();
        Timestamp at = Timestamp.from(now);
        jdbc.update("update guide_training_step set active = 0, updated_at = ? where tenant_id = ?", at, tenant);
        for (Step step : steps) {
            // the primary key is (tenant, code): "on duplicate key" can only meet this tenant's step
            jdbc.update("insert into guide_training_step (tenant_id, code, position, title, content, reward_points, due_days, active, updated_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, 1, ?) on duplicate key update position = values(position), title = values(title),"
                            + " content = values(content), reward_points = values(reward_points), due_days = values(due_days), active = 1,"
                            + " updated_at = values(updated_at)", tenant, step.code(), step.position(), step.title(), step.content(),
                    step.rewardPoints(), step.dueDays(), at);
            jdbc.update("update guide_task set title = ?, content = ?, reward_points = ? where tenant_id = ? and rule = 'NEWBIE' and step_code = ?"
                    + " and status = 'OPEN'", step.title(), step.content(), step.rewardPoints(), tenant, step.code());
        }
        return jdbc.update("update guide_task t join guide_training_step s on s.tenant_id = t.tenant_id and s.code = t.step_code"
                + " set t.status = 'CANCELLED' where t.tenant_id = ? and t.rule = 'NEWBIE' and t.status = 'OPEN' and s.active = 0", tenant);
    }

    @Override
    public int enrol(Long guideId, Instant now) {
        long tenant = CallerContext.requireTenant();
        Timestamp at = Timestamp.from(now);
        // one statement; the unique (tenant, rule, source_key) skips the steps a guide has already (done or not)
        String sql = "insert ignore into guide_task (tenant_id, rule, guide_id, store_id, member_id, title, content, reward_points, completes_on,"
                + " source_key, status, due_at, created_at, step_code) select g.tenant_id, 'NEWBIE', g.id, g.store_id, null, s.title, s.content,"
                + " s.reward_points, 'GUIDE', concat('g', g.id, ':', s.code), 'OPEN', date_add(?, interval s.due_days day), ?, s.code"
                + " from guide g join guide_training_step s on s.tenant_id = g.tenant_id and s.active = 1"
                + " where g.tenant_id = ? and g.status = 'ACTIVE'";
        return guideId == null ? jdbc.update(sql, at, at, tenant) : jdbc.update(sql + " and g.id = ?", at, at, tenant, guideId);
    }

    @Override
    public boolean earlierStepOpen(long guideId, String stepCode) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from guide_task t join guide_training_step s on s.tenant_id = t.tenant_id"
                + " and s.code = t.step_code and s.active = 1 where t.tenant_id = ? and t.guide_id = ? and t.rule = 'NEWBIE' and t.status = 'OPEN'"
                + " and s.position < (select c.position from guide_training_step c where c.tenant_id = ? and c.code = ?))", Boolean.class,
                CallerContext.requireTenant(), guideId, CallerContext.requireTenant(), stepCode));
    }

    @Override
    public List<Task> trainingTasks(long guideId) {
        return tasks.query("select t.* from guide_task t join guide_training_step s on s.tenant_id = t.tenant_id and s.code = t.step_code"
                + " and s.active = 1 where t.tenant_id = ? and t.guide_id = ? and t.rule = 'NEWBIE' order by s.position", CallerContext.requireTenant(),
                guideId);
    }

    @Override
    public List<Level> levels() {
        return jdbc.query("select * from guide_level where tenant_id = ? order by level", (rs, n) -> new Level(rs.getInt("level"),
                rs.getString("name"), rs.getInt("min_points")), CallerContext.requireTenant());
    }

    @Override
    public void saveLevels(List<Level> levels) {
        long tenant = CallerContext.requireTenant();
        jdbc.update("delete from guide_level where tenant_id = ?", tenant);
        List<Object[]> rows = new ArrayList<>();
        levels.forEach(l -> rows.add(new Object[] {tenant, l.level(), l.name(), l.minPoints()}));
        jdbc.batchUpdate("insert into guide_level (tenant_id, level, name, min_points) values (?, ?, ?, ?)", rows);
    }

    @Override
    public Optional<Level> levelFor(long points) {
        return jdbc.query("select * from guide_level where tenant_id = ? and min_points <= ? order by level desc limit 1", (rs, n) -> new Level(
                rs.getInt("level"), rs.getString("name"), rs.getInt("min_points")), CallerContext.requireTenant(), points).stream().findFirst();
    }

    @Override
    public List<Badge> badges() {
        return jdbc.query("select * from guide_badge where tenant_id = ? order by code", (rs, n) -> new Badge(rs.getString("code"), rs.getString("name"),
                BadgeKind.valueOf(rs.getString("kind")), rs.getInt("threshold")), CallerContext.requireTenant());
    }

    @Override
    public void saveBadges(List<Badge> badges) {
        long tenant = CallerContext.requireTenant();
        // the definitions are replaced; badges already awarded stay the guides'
        jdbc.update("delete from guide_badge where tenant_id = ?", tenant);
        List<Object[]> rows = new ArrayList<>();
        badges.forEach(b -> rows.add(new Object[] {tenant, b.code(), b.name(), b.kind().name(), b.threshold()}));
        jdbc.batchUpdate("insert into guide_badge (tenant_id, code, name, kind, threshold) values (?, ?, ?, ?, ?)", rows);
    }

    @Override
    public boolean award(long guideId, String badgeCode, Instant at) {
        return jdbc.update("insert ignore into guide_badge_award (tenant_id, guide_id, badge_code, awarded_at) values (?, ?, ?, ?)",
                CallerContext.requireTenant(), guideId, badgeCode, Timestamp.from(at)) == 1;
    }

    @Override
    public List<Award> awards(long guideId) {
        return jdbc.query("select a.badge_code, coalesce(b.name, a.badge_code) name, a.awarded_at from guide_badge_award a left join guide_badge b"
                + " on b.tenant_id = a.tenant_id and b.code = a.badge_code where a.tenant_id = ? and a.guide_id = ? order by a.awarded_at, a.badge_code",
                (rs, n) -> new Award(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), CallerContext.requireTenant(), guideId);
    }

    @Override
    public Map<Long, Long> pointsByGuide() {
        Map<Long, Long> points = new LinkedHashMap<>();
        jdbc.query("select guide_id, sum(points) from guide_points where tenant_id = ? group by guide_id", rs -> {
            points.put(rs.getLong(1), rs.getLong(2));
        }, CallerContext.requireTenant());
        return points;
    }
}
