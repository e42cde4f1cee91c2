package com.siyu.guide.wecom.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.guide.wecom.domain.WecomGroup;
import com.siyu.guide.wecom.domain.WecomGroupRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWecomGroupRepository implements WecomGroupRepository {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    JdbcWecomGroupRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public void saveGroup(String chatId, String name, String ownerUserId, Long ownerGuideId, Instant createdAt, int members, Instant now) {
        jdbc.update("insert into guide_wecom_group (tenant_id, chat_id, name, owner_user_id, owner_guide_id, status, members, created_at, synced_at)"
                        + " values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?) on duplicate key update name = values(name), owner_user_id = values(owner_user_id),"
                        + " owner_guide_id = values(owner_guide_id), status = 'ACTIVE', members = values(members),"
                        + " created_at = coalesce(created_at, values(created_at)), synced_at = values(synced_at)",
                CallerContext.requireTenant(), chatId, Columns.clip(name, 100), ownerUserId, ownerGuideId,
                members, createdAt == null ? null : Timestamp.from(createdAt), Timestamp.from(now));
    }

    @Override
    public void dismiss(String chatId, Instant now) {
        long tenant = CallerContext.requireTenant();
        Timestamp when = Timestamp.from(now);
        List<String> present = jdbc.queryForList("select member_key from guide_wecom_group_member where tenant_id = ? and chat_id = ? and left_at is null",
                String.class, tenant, chatId);
        present.forEach(key -> left(chatId, key, now));
        jdbc.update("update guide_wecom_group set status = 'DISMISSED', members = 0, synced_at = ? where tenant_id = ? and chat_id = ?", when, tenant,
                chatId);
    }

    @Override
    public void lock(String chatId) {
        jdbc.queryForList("select id from guide_wecom_group where tenant_id = ? and chat_id = ? for update", Long.class,
                CallerContext.requireTenant(), chatId);
    }

    @Override
    public Optional<WecomGroup> find(String chatId) {
        return jdbc.query("select * from guide_wecom_group where tenant_id = ? and chat_id = ?", JdbcWecomGroupRepository::toGroup,
                CallerContext.requireTenant(), chatId).stream().findFirst();
    }

    @Override
    public List<WecomGroup> list(List<Long> ownerGuideIds, int limit) {
        MapSqlParameterSource args = new MapSqlParameterSource("tenant", CallerContext.requireTenant()).addValue("limit", limit);
        if (ownerGuideIds == null) {
            return named.query("select * from guide_wecom_group where tenant_id = :tenant order by id desc limit :limit", args,
                    JdbcWecomGroupRepository::toGroup);
        }
        if (ownerGuideIds.isEmpty()) {
            return List.of();
        }
        return named.query("select * from guide_wecom_group where tenant_id = :tenant and owner_guide_id in (:owners) order by id desc limit :limit",
                args.addValue("owners", ownerGuideIds), JdbcWecomGroupRepository::toGroup);
    }

    @Override
    public Map<String, Member> present(String chatId) {
        Map<String, Member> present = new LinkedHashMap<>();
        jdbc.query("select member_key, external, member_id from guide_wecom_group_member where tenant_id = ? and chat_id = ? and left_at is null",
                rs -> {
                    present.put(rs.getString(1), new Member(rs.getString(1), rs.getBoolean(2), (Long) rs.getObject(3)));
                }, CallerContext.requireTenant(), chatId);
        return present;
    }

    @Override
    public void joined(String chatId, String key, boolean external, Long memberId, int joinScene, Instant at) {
        long tenant = CallerContext.requireTenant();
        Timestamp when = Timestamp.from(at);
        jdbc.update("insert into guide_wecom_group_member (tenant_id, chat_id, member_key, external, member_id, join_scene, joined_at) values"
                + " (?, ?, ?, ?, ?, ?, ?) on duplicate key update member_id = coalesce(values(member_id), member_id), join_scene = values(join_scene),"
                + " joined_at = values(joined_at), left_at = null", tenant, chatId, key, external, memberId, joinScene, when);
        jdbc.update("insert into guide_wecom_group_event (tenant_id, chat_id, member_key, kind, at) values (?, ?, ?, 'JOIN', ?)", tenant, chatId, key,
                when);
    }

    @Override
    public void left(String chatId, String key, Instant at) {
        long tenant = CallerContext.requireTenant();
        Timestamp when = Timestamp.from(at);
        if (jdbc.update("update guide_wecom_group_member set left_at = ? where tenant_id = ? and chat_id = ? and member_key = ? and left_at is null",
                when, tenant, chatId, key) > 0) {
            jdbc.update("insert into guide_wecom_group_event (tenant_id, chat_id, member_key, kind, at) values (?, ?, ?, 'LEAVE', ?)", tenant, chatId,
                    key, when);
        }
    }

    @Override
    public Optional<Long> knownMember(String externalUserId) {
        return jdbc.queryForList("select member_id from guide_wecom_contact where tenant_id = ? and external_user_id = ? and member_id is not null"
                + " limit 1", Long.class, CallerContext.requireTenant(), externalUserId).stream().findFirst();
    }

    @Override
    public WecomGroup.Day day(String chatId, LocalDate date, Instant from, Instant to) {
        long tenant = CallerContext.requireTenant();
        Timestamp start = Timestamp.from(from);
        Timestamp end = Timestamp.from(to);
        long size = jdbc.queryForObject("select count(*) from guide_wecom_group_member where tenant_id = ? and chat_id = ? and joined_at < ?"
                + " and (left_at is null or left_at >= ?)", Long.class, tenant, chatId, end, end);
        Map<String, Object> moves = jdbc.queryForMap("select coalesce(sum(kind = 'JOIN'), 0) as joins, coalesce(sum(kind = 'LEAVE'), 0) as leaves"
                + " from guide_wecom_group_event where tenant_id = ? and chat_id = ? and at >= ? and at < ?", tenant, chatId, start, end);
        // what the group's shoppers paid that day while in the group (each member once, however often they joined)
        long gmv = jdbc.queryForObject("select coalesce(sum(a.paid_fen - a.refunded_fen), 0) from guide_attribution a where a.tenant_id = ?"
                + " and a.paid_at >= ? and a.paid_at < ? and a.member_id in (select m.member_id from guide_wecom_group_member m where m.tenant_id = ?"
                + " and m.chat_id = ? and m.member_id is not null and m.joined_at <= a.paid_at and (m.left_at is null or m.left_at > a.paid_at))",
                Long.class, tenant, start, end, tenant, chatId);
        return new WecomGroup.Day(date, size, ((Number) moves.get("joins")).longValue(), ((Number) moves.get("leaves")).longValue(), gmv);
    }

    @Override
    public long createCode(String name, List<String> chatIds, String roomBaseName, Long staffId, Instant now) {
        long tenant = CallerContext.requireTenant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into guide_wecom_group_code (tenant_id, name, chat_ids, room_base_name,"
                    + " created_by, created_at) values (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, tenant);
            insert.setString(2, name);
            insert.setString(3, String.join(",", chatIds));
            insert.setString(4, roomBaseName);
            insert.setObject(5, staffId);
            insert.setTimestamp(6, Timestamp.from(now));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    @Override
    public void codeIssued(long id, String configId, String qrCode) {
        jdbc.update("update guide_wecom_group_code set config_id = ?, qr_code = ? where tenant_id = ? and id = ?", configId, qrCode,
                CallerContext.requireTenant(), id);
    }

    @Override
    public void deleteCode(long id) {
        jdbc.update("delete from guide_wecom_group_code where tenant_id = ? and id = ?", CallerContext.requireTenant(), id);
    }

    private static WecomGroup toGroup(ResultSet rs, int n) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        return new WecomGroup(rs.getString("chat_id"), rs.getString("name"), rs.getString("owner_user_id"), (Long) rs.getObject("owner_guide_id"),
                rs.getString("status"), rs.getInt("members"), created == null ? null : created.toInstant(), rs.getTimestamp("synced_at").toInstant());
    }
}
