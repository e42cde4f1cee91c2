package com.siyu.guide.wecom.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.guide.wecom.domain.WecomContent;
import com.siyu.guide.wecom.domain.WecomGroupMessageRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcWecomGroupMessageRepository implements WecomGroupMessageRepository {

    private static final String DUE = "status = 'PENDING' and next_at <= ?";
    private static final String TO_READ = "l.status = 'CREATED' and l.read_next_at <= ? and m.created_at >= ?";

    private final JdbcTemplate jdbc;

    JdbcWecomGroupMessageRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public long create(long createdBy, String key, WecomContent content, List<Long> storeIds, List<NewLine> lines, Instant now) {
        long tenant = CallerContext.requireTenant();
        Timestamp at = Timestamp.from(now);
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement insert = c.prepareStatement("insert into guide_wecom_group_message (tenant_id, created_by, request_key, text, attachments,"
                    + " store_ids, created_at) values (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, tenant);
            insert.setLong(2, createdBy);
            insert.setString(3, key);
            insert.setString(4, content.text());
            insert.setString(5, ContentColumns.attachments(content));
            insert.setString(6, ContentColumns.ids(storeIds));
            insert.setTimestamp(7, at);
            return insert;
        }, id);
        long messageId = id.getKey().longValue();
        jdbc.batchUpdate("insert into guide_wecom_group_message_line (tenant_id, message_id, guide_id, store_id, sender_user_id, status, next_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", lines, 500, (insert, l) -> {
                    insert.setLong(1, tenant);
                    insert.setLong(2, messageId);
                    insert.setLong(3, l.guideId());
                    insert.setLong(4, l.storeId());
                    insert.setString(5, l.senderUserId());
                    insert.setString(6, l.status().name());
                    insert.setTimestamp(7, l.status() == LineStatus.PENDING ? at : null);
                    insert.setTimestamp(8, at);
                });
        return messageId;
    }

    @Override
    public Optional<Long> byKey(long createdBy, String key) {
        return jdbc.queryForList("select id from guide_wecom_group_message where tenant_id = ? and created_by = ? and request_key = ?", Long.class,
                CallerContext.requireTenant(), createdBy, key).stream().findFirst();
    }

    @Override
    public Optional<Message> find(long id) {
        return jdbc.query("select * from guide_wecom_group_message where tenant_id = ? and id = ?", JdbcWecomGroupMessageRepository::toMessage,
                CallerContext.requireTenant(), id).stream().findFirst();
    }

    @Override
    public List<Message> list(Long storeId, Long before, int limit) {
        long tenant = CallerContext.requireTenant();
        long below = before == null ? Long.MAX_VALUE : before;
        if (storeId == null) {
            return jdbc.query("select * from guide_wecom_group_message where tenant_id = ? and id < ? order by id desc limit ?",
                    JdbcWecomGroupMessageRepository::toMessage, tenant, below, limit);
        }
        return jdbc.query("select m.* from guide_wecom_group_message m where m.tenant_id = ? and m.id < ? and exists (select 1 from"
                        + " guide_wecom_group_message_line l where l.tenant_id = m.tenant_id and l.message_id = m.id and l.store_id = ?)"
                        + " order by m.id desc limit ?", JdbcWecomGroupMessageRepository::toMessage, tenant, below, storeId, limit);
    }

    @Override
    public List<Line> lines(long messageId, Long storeId) {
        long tenant = CallerContext.requireTenant();
        if (storeId == null) {
            return jdbc.query("select * from guide_wecom_group_message_line where tenant_id = ? and message_id = ? order by id",
                    JdbcWecomGroupMessageRepository::toLine, tenant, messageId);
        }
        return jdbc.query("select * from guide_wecom_group_message_line where tenant_id = ? and message_id = ? and store_id = ? order by id",
                JdbcWecomGroupMessageRepository::toLine, tenant, messageId, storeId);
    }

    @Override
    public int expireClaims(Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.update("update guide_wecom_group_message_line set status = 'UNKNOWN', detail = 'the sender stopped during the WeCom call',"
                + " claimed_until = null, updated_at = ? where status = 'SENDING' and claimed_until < ?", at, at);
    }

    @Override
    public Set<Long> tenantsDue(Instant now) {
        return new LinkedHashSet<>(jdbc.queryForList("select distinct tenant_id from guide_wecom_group_message_line where " + DUE, Long.class,
                Timestamp.from(now)));
    }

    @Override
    public List<Line> due(Instant now, int limit) {
        return jdbc.query("select * from guide_wecom_group_message_line where tenant_id = ? and " + DUE + " order by id limit ?",
                JdbcWecomGroupMessageRepository::toLine, CallerContext.requireTenant(), Timestamp.from(now), limit);
    }

    @Override
    public boolean claim(long lineId, Instant now, Instant until) {
        return jdbc.update("update guide_wecom_group_message_line set status = 'SENDING', attempts = attempts + 1, claimed_until = ?, updated_at = ?"
                + " where tenant_id = ? and id = ? and " + DUE, Timestamp.from(until), Timestamp.from(now), CallerContext.requireTenant(), lineId,
                Timestamp.from(now)) == 1;
    }

    @Override
    public void created(long lineId, String msgId, List<String> failList, Instant readAt, Instant now) {
        // also from UNKNOWN: a claim that ran out while the call was still going, answered after all
        jdbc.update("update guide_wecom_group_message_line set status = 'CREATED', msg_id = ?, fail_list = ?, errcode = null, detail = null,"
                + " next_at = null, claimed_until = null, read_next_at = ?, updated_at = ? where tenant_id = ? and id = ?"
                + " and status in ('SENDING', 'UNKNOWN')", msgId, ContentColumns.strings(failList), Timestamp.from(readAt), Timestamp.from(now),
                CallerContext.requireTenant(), lineId);
    }

    @Override
    public void retry(long lineId, Integer errcode, String detail, Instant nextAt, Instant now) {
        jdbc.update("update guide_wecom_group_message_line set status = 'PENDING', errcode = ?, detail = ?, next_at = ?, claimed_until = null,"
                + " updated_at = ? where tenant_id = ? and id = ? and status = 'SENDING'", errcode, Columns.clip(detail, 200), Timestamp.from(nextAt),
                Timestamp.from(now), CallerContext.requireTenant(), lineId);
    }

    @Override
    public void failed(long lineId, Integer errcode, String detail, Instant now) {
        end(lineId, "FAILED", errcode, detail, now);
    }

    @Override
    public void unknown(long lineId, String detail, Instant now) {
        end(lineId, "UNKNOWN", null, detail, now);
    }

    private void end(long lineId, String status, Integer errcode, String detail, Instant now) {
        jdbc.update("update guide_wecom_group_message_line set status = ?, errcode = ?, detail = ?, next_at = null, claimed_until = null,"
                + " updated_at = ? where tenant_id = ? and id = ? and status = 'SENDING'", status, errcode, Columns.clip(detail, 200),
                Timestamp.from(now), CallerContext.requireTenant(), lineId);
    }

    @Override
    public Set<Long> tenantsToRead(Instant now, Instant since) {
        return new LinkedHashSet<>(jdbc.queryForList("select distinct l.tenant_id from guide_wecom_group_message_line l join guide_wecom_group_message m"
                + " on m.tenant_id = l.tenant_id and m.id = l.message_id where " + TO_READ, Long.class, Timestamp.from(now), Timestamp.from(since)));
    }

    @Override
    public List<Line> toRead(Instant now, Instant since, int limit) {
        return jdbc.query("select l.* from guide_wecom_group_message_line l join guide_wecom_group_message m on m.tenant_id = l.tenant_id"
                + " and m.id = l.message_id where l.tenant_id = ? and " + TO_READ + " order by l.id limit ?", JdbcWecomGroupMessageRepository::toLine,
                CallerContext.requireTenant(), Timestamp.from(now), Timestamp.from(since), limit);
    }

    @Override
    public void read(long lineId, String wecomStatus, Instant sentAt, Integer groupsReached, Integer groupsUnsent, Integer groupsFailed,
                     Instant next, Instant now) {
        jdbc.update("update guide_wecom_group_message_line set wecom_status = ?, sent_at = ?, groups_reached = ?, groups_unsent = ?,"
                        + " groups_failed = ?, read_at = ?, read_next_at = ?, updated_at = ? where tenant_id = ? and id = ?", wecomStatus,
                sentAt == null ? null : Timestamp.from(sentAt), groupsReached, groupsUnsent, groupsFailed, Timestamp.from(now),
                next == null ? null : Timestamp.from(next), Timestamp.from(now), CallerContext.requireTenant(), lineId);
    }

    @Override
    public void readLater(long lineId, Instant next) {
        jdbc.update("update guide_wecom_group_message_line set read_next_at = ? where tenant_id = ? and id = ?", Timestamp.from(next),
                CallerContext.requireTenant(), lineId);
    }

    @Override
    public List<Line> waitingFor(long guideId, int limit) {
        return jdbc.query("select * from guide_wecom_group_message_line where tenant_id = ? and guide_id = ? and status = 'CREATED'"
                + " and (wecom_status is null or wecom_status <> 'SENT') order by id desc limit ?", JdbcWecomGroupMessageRepository::toLine,
                CallerContext.requireTenant(), guideId, limit);
    }

    private static Message toMessage(ResultSet rs, int n) throws SQLException {
        return new Message(rs.getLong("id"), rs.getLong("created_by"), ContentColumns.content(rs.getString("text"), rs.getString("attachments")),
                ContentColumns.ids(rs.getString("store_ids")), rs.getTimestamp("created_at").toInstant());
    }

    private static Line toLine(ResultSet rs, int n) throws SQLException {
        return new Line(rs.getLong("id"), rs.getLong("message_id"), rs.getLong("guide_id"), rs.getLong("store_id"), rs.getString("sender_user_id"),
                LineStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), (Integer) rs.getObject("errcode"), rs.getString("detail"),
                rs.getString("msg_id"), ContentColumns.strings(rs.getString("fail_list")), instant(rs, "next_at"), rs.getString("wecom_status"),
                instant(rs, "sent_at"), (Integer) rs.getObject("groups_reached"), (Integer) rs.getObject("groups_unsent"),
                (Integer) rs.getObject("groups_failed"), instant(rs, "read_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
