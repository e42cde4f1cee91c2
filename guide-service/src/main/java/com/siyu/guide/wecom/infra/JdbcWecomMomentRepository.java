package com.siyu.guide.wecom.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.guide.wecom.domain.WecomContent;
import com.siyu.guide.wecom.domain.WecomMomentRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcWecomMomentRepository implements WecomMomentRepository {

    private static final String DUE = "(status in ('PENDING', 'SUBMITTED') and next_at <= ?"
            + " or status = 'CREATED' and read_next_at <= ? and created_at >= ?)";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    JdbcWecomMomentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    @Transactional
    public long create(long createdBy, String key, WecomContent content, List<Long> storeIds, List<NewLine> lines, Instant now) {
        long tenant = CallerContext.requireTenant();
        Timestamp at = Timestamp.from(now);
        org.springframework.jdbc.support.GeneratedKeyHolder id = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement insert = c.prepareStatement("insert into guide_wecom_moment (tenant_id, created_by, request_key, text, attachments,"
                    + " store_ids, status, next_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, tenant);
            insert.setLong(2, createdBy);
            insert.setString(3, key);
            insert.setString(4, content.text());
            insert.setString(5, ContentColumns.attachments(content));
            insert.setString(6, ContentColumns.ids(storeIds));
            insert.setTimestamp(7, at);
            insert.setTimestamp(8, at);
            insert.setTimestamp(9, at);
            return insert;
        }, id);
        long momentId = id.getKey().longValue();
        jdbc.batchUpdate("insert into guide_wecom_moment_line (tenant_id, moment_id, guide_id, store_id, user_id, status, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", lines, 500, (insert, l) -> {
                    insert.setLong(1, tenant);
                    insert.setLong(2, momentId);
                    insert.setLong(3, l.guideId());
                    insert.setLong(4, l.storeId());
                    insert.setString(5, l.userId());
                    insert.setString(6, l.status().name());
                    insert.setTimestamp(7, at);
                });
        return momentId;
    }

    @Override
    public Optional<Long> byKey(long createdBy, String key) {
        return jdbc.queryForList("select id from guide_wecom_moment where tenant_id = ? and created_by = ? and request_key = ?", Long.class,
                CallerContext.requireTenant(), createdBy, key).stream().findFirst();
    }

    @Override
    public Optional<Moment> find(long id) {
        return jdbc.query("select * from guide_wecom_moment where tenant_id = ? and id = ?", JdbcWecomMomentRepository::toMoment,
                CallerContext.requireTenant(), id).stream().findFirst();
    }

    @Override
    public List<Moment> list(Long storeId, Long before, int limit) {
        long tenant = CallerContext.requireTenant();
        long below = before == null ? Long.MAX_VALUE : before;
        if (storeId == null) {
            return jdbc.query("select * from guide_wecom_moment where tenant_id = ? and id < ? order by id desc limit ?",
                    JdbcWecomMomentRepository::toMoment, tenant, below, limit);
        }
        return jdbc.query("select m.* from guide_wecom_moment m where m.tenant_id = ? and m.id < ? and exists (select 1 from guide_wecom_moment_line l"
                + " where l.tenant_id = m.tenant_id and l.moment_id = m.id and l.store_id = ?) order by m.id desc limit ?",
                JdbcWecomMomentRepository::toMoment, tenant, below, storeId, limit);
    }

    @Override
    public List<Line> lines(long momentId, Long storeId) {
        long tenant = CallerContext.requireTenant();
        if (storeId == null) {
            return jdbc.query("select * from guide_wecom_moment_line where tenant_id = ? and moment_id = ? order by id", JdbcWecomMomentRepository::toLine,
                    tenant, momentId);
        }
        return jdbc.query("select * from guide_wecom_moment_line where tenant_id = ? and moment_id = ? and store_id = ? order by id",
                JdbcWecomMomentRepository::toLine, tenant, momentId, storeId);
    }

    @Override
    public int expireClaims(Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.update("update guide_wecom_moment set status = 'UNKNOWN', detail = 'the submitter stopped during the WeCom call',"
                + " claimed_until = null, updated_at = ? where status = 'SUBMITTING' and claimed_until < ?", at, at);
    }

    @Override
    public Set<Long> tenantsDue(Instant now, Instant since) {
        Timestamp at = Timestamp.from(now);
        return new LinkedHashSet<>(jdbc.queryForList("select distinct tenant_id from guide_wecom_moment where " + DUE, Long.class, at, at,
                Timestamp.from(since)));
    }

    @Override
    public List<Moment> due(Instant now, Instant since, int limit) {
        Timestamp at = Timestamp.from(now);
        return jdbc.query("select * from guide_wecom_moment where tenant_id = ? and " + DUE + " order by id limit ?", JdbcWecomMomentRepository::toMoment,
                CallerContext.requireTenant(), at, at, Timestamp.from(since), limit);
    }

    @Override
    public boolean claim(long id, Instant now, Instant until) {
        return jdbc.update("update guide_wecom_moment set status = 'SUBMITTING', attempts = attempts + 1, claimed_until = ?, updated_at = ?"
                + " where tenant_id = ? and id = ? and status = 'PENDING' and next_at <= ?", Timestamp.from(until), Timestamp.from(now),
                CallerContext.requireTenant(), id, Timestamp.from(now)) == 1;
    }

    @Override
    public void submitted(long id, String jobId, Instant nextAt, Instant now) {
        // also from UNKNOWN: a claim that ran out while the call was still going, answered after all
        jdbc.update("update guide_wecom_moment set status = 'SUBMITTED', job_id = ?, errcode = null, detail = null, next_at = ?, claimed_until = null,"
                + " updated_at = ? where tenant_id = ? and id = ? and status in ('SUBMITTING', 'UNKNOWN')", jobId, Timestamp.from(nextAt),
                Timestamp.from(now), CallerContext.requireTenant(), id);
    }

    @Override
    public void retry(long id, Integer errcode, String detail, Instant nextAt, Instant now) {
        jdbc.update("update guide_wecom_moment set status = 'PENDING', errcode = ?, detail = ?, next_at = ?, claimed_until = null, updated_at = ?"
                + " where tenant_id = ? and id = ? and status = 'SUBMITTING'", errcode, Columns.clip(detail, 200), Timestamp.from(nextAt),
                Timestamp.from(now), CallerContext.requireTenant(), id);
    }

    @Override
    public void failed(long id, Integer errcode, String detail, Instant now) {
        jdbc.update("update guide_wecom_moment set status = 'FAILED', errcode = ?, detail = ?, next_at = null, claimed_until = null, updated_at = ?"
                + " where tenant_id = ? and id = ? and status in ('SUBMITTING', 'SUBMITTED')", errcode, Columns.clip(detail, 200), Timestamp.from(now),
                CallerContext.requireTenant(), id);
    }

    @Override
    public void unknown(long id, String detail, Instant now) {
        jdbc.update("update guide_wecom_moment set status = 'UNKNOWN', detail = ?, next_at = null, claimed_until = null, updated_at = ?"
                + " where tenant_id = ? and id = ? and status = 'SUBMITTING'", Columns.clip(detail, 200), Timestamp.from(now),
                CallerContext.requireTenant(), id);
    }

    @Override
    public void pollLater(long id, Instant nextAt, Instant now) {
        jdbc.update("update guide_wecom_moment set next_at = ?, updated_at = ? where tenant_id = ? and id = ? and status = 'SUBMITTED'",
                Timestamp.from(nextAt), Timestamp.from(now), CallerContext.requireTenant(), id);
    }

    @Override
    @Transactional
    public void created(long id, String wecomMomentId, List<String> invalidUserIds, Instant readAt, Instant now) {
        long tenant = CallerContext.requireTenant();
        if (jdbc.update("update guide_wecom_moment set status = 'CREATED', wecom_moment_id = ?, next_at = null, read_next_at = ?, updated_at = ?"
                + " where tenant_id = ? and id = ? and status = 'SUBMITTED'", wecomMomentId, Timestamp.from(readAt), Timestamp.from(now), tenant, id) == 0
                || invalidUserIds.isEmpty()) {
            return;
        }
        named.update("update guide_wecom_moment_line set status = 'INVALID', updated_at = :now where tenant_id = :tenant and moment_id = :id"
                + " and user_id in (:users)", new MapSqlParameterSource().addValue("now", Timestamp.from(now)).addValue("tenant", tenant)
                .addValue("id", id).addValue("users", invalidUserIds));
    }

    @Override
    @Transactional
    public void read(long id, Map<String, Integer> publishStatus, Instant next, Instant now) {
        long tenant = CallerContext.requireTenant();
        Timestamp at = Timestamp.from(now);
        List<String> published = publishStatus.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey).toList();
        named.update("update guide_wecom_moment_line set read_at = :now, updated_at = :now where tenant_id = :tenant and moment_id = :id",
                new MapSqlParameterSource().addValue("now", at).addValue("tenant", tenant).addValue("id", id));
        if (!published.isEmpty()) {
            named.update("update guide_wecom_moment_line set status = 'PUBLISHED' where tenant_id = :tenant and moment_id = :id"
                    + " and status = 'WAITING' and user_id in (:users)", new MapSqlParameterSource().addValue("tenant", tenant).addValue("id", id)
                    .addValue("users", published));
        }
        jdbc.update("update guide_wecom_moment set read_at = ?, read_next_at = ?, updated_at = ? where tenant_id = ? and id = ?", at,
                next == null ? null : Timestamp.from(next), at, tenant, id);
    }

    @Override
    public void readLater(long id, Instant next) {
        jdbc.update("update guide_wecom_moment set read_next_at = ? where tenant_id = ? and id = ?", Timestamp.from(next), CallerContext.requireTenant(), id);
    }

    @Override
    public List<Moment> waitingFor(long guideId, int limit) {
        return jdbc.query("select m.* from guide_wecom_moment m join guide_wecom_moment_line l on l.tenant_id = m.tenant_id and l.moment_id = m.id"
                + " where m.tenant_id = ? and l.guide_id = ? and l.status = 'WAITING' and m.status = 'CREATED' order by m.id desc limit ?",
                JdbcWecomMomentRepository::toMoment, CallerContext.requireTenant(), guideId, limit);
    }

    private static Moment toMoment(ResultSet rs, int n) throws SQLException {
        return new Moment(rs.getLong("id"), rs.getLong("created_by"), ContentColumns.content(rs.getString("text"), rs.getString("attachments")),
                ContentColumns.ids(rs.getString("store_ids")), Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                (Integer) rs.getObject("errcode"), rs.getString("detail"), rs.getString("job_id"), rs.getString("wecom_moment_id"),
                JdbcWecomGroupMessageRepository.instant(rs, "next_at"), JdbcWecomGroupMessageRepository.instant(rs, "read_at"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Line toLine(ResultSet rs, int n) throws SQLException {
        return new Line(rs.getLong("id"), rs.getLong("moment_id"), rs.getLong("guide_id"), rs.getLong("store_id"), rs.getString("user_id"),
                LineStatus.valueOf(rs.getString("status")), JdbcWecomGroupMessageRepository.instant(rs, "read_at"));
    }
}
