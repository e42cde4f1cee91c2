package com.siyu.guide.wecom.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.common.crypto.SecretBox;
import com.siyu.guide.wecom.domain.WecomCallback;
import com.siyu.guide.wecom.domain.WecomContact;
import com.siyu.guide.wecom.domain.WecomCorp;
import com.siyu.guide.wecom.domain.WecomRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** WeCom corp (secrets sealed with the SecretBox), contacts, callbacks and welcome codes in plain JDBC, tenant in context. */
@Repository
class JdbcWecomRepository implements WecomRepository {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final SecretBox secrets;

    JdbcWecomRepository(JdbcTemplate jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.secrets = secrets;
    }

    @Override
    public Optional<WecomCorp> corp() {
        return jdbc.query("select * from guide_wecom_corp where tenant_id = ?", (rs, n) -> new WecomCorp(rs.getString("corp_id"),
                (Integer) rs.getObject("agent_id"), secrets.open(rs.getString("contact_secret")), secrets.open(rs.getString("callback_token")),
                secrets.open(rs.getString("aes_key")), rs.getString("welcome_text")), CallerContext.requireTenant()).stream().findFirst();
    }

    /**
     * Update, else insert: never "insert … on duplicate key update", which would update whichever row the corp_id
     * collides with — another tenant's. A corp id another tenant holds throws DuplicateKeyException either way.
     */
    @Override
    public void saveCorp(WecomCorp corp, Long staffId, Instant now) {
        long tenant = CallerContext.requireTenant();
        Object[] values = {corp.corpId(), corp.agentId(), secrets.seal(corp.contactSecret()), secrets.seal(corp.callbackToken()),
                secrets.seal(corp.aesKey()), corp.welcomeText(), Timestamp.from(now), staffId, tenant};
        if (jdbc.update("update guide_wecom_corp set corp_id = ?, agent_id = ?, contact_secret = ?, callback_token = ?, aes_key = ?, welcome_text = ?,"
                + " updated_at = ?, updated_by = ? where tenant_id = ?", values) == 0) {
            jdbc.update("insert into guide_wecom_corp (corp_id, agent_id, contact_secret, callback_token, aes_key, welcome_text, updated_at, updated_by,"
                    + " tenant_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    @Override
    public boolean recordCallback(WecomCallback callback, Instant at) {
        try {
            jdbc.update("insert into guide_wecom_callback (tenant_id, digest, event, change_type, received_at) values (?, ?, ?, ?, ?)",
                    CallerContext.requireTenant(), callback.digest(), Columns.clip(callback.event(), 40), Columns.clip(callback.changeType(), 40), Timestamp.from(at));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void forgetCallback(String digest) {
        jdbc.update("delete from guide_wecom_callback where tenant_id = ? and digest = ?", CallerContext.requireTenant(), digest);
    }

    @Override
    public void callbackOutcome(String digest, String outcome) {
        jdbc.update("update guide_wecom_callback set outcome = ? where tenant_id = ? and digest = ?", Columns.clip(outcome, 200),
                CallerContext.requireTenant(), digest);
    }

    @Override
    public WecomContact saveContact(String wecomUserId, String externalUserId, Long guideId, Long memberId, Long codeId, String channel, Instant at) {
        Timestamp when = Timestamp.from(at);
        jdbc.update("insert into guide_wecom_contact (tenant_id, wecom_user_id, external_user_id, guide_id, member_id, code_id, channel, status,"
                        + " added_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?) on duplicate key update"
                        + " guide_id = coalesce(values(guide_id), guide_id), member_id = coalesce(values(member_id), member_id),"
                        + " code_id = coalesce(values(code_id), code_id), channel = coalesce(values(channel), channel),"
                        + " added_at = if(status = 'ACTIVE', added_at, values(added_at)), status = 'ACTIVE', lost_at = null, updated_at = values(updated_at)",
                CallerContext.requireTenant(), wecomUserId, externalUserId, guideId, memberId, codeId, channel, when, when);
        return contact(wecomUserId, externalUserId).orElseThrow();
    }

    private static final String UNMATCHED = " status = 'ACTIVE' and (guide_id is null or member_id is null) and added_at >= ?"
            + " and (match_checked_at is null or match_checked_at < ?)";

    @Override
    public List<Long> tenantsWithUnmatchedContacts(Instant since, Instant checkedBefore) {
        return jdbc.queryForList("select distinct tenant_id from guide_wecom_contact where" + UNMATCHED, Long.class, Timestamp.from(since),
                Timestamp.from(checkedBefore));
    }

    @Override
    public List<WecomContact> unmatchedContacts(Instant since, Instant checkedBefore, int limit) {
        return jdbc.query("select * from guide_wecom_contact where tenant_id = ? and" + UNMATCHED + " order by id limit ?",
                JdbcWecomRepository::toContact, CallerContext.requireTenant(), Timestamp.from(since), Timestamp.from(checkedBefore), limit);
    }

    @Override
    public void matched(long contactId, Long guideId, Long memberId, Instant at) {
        jdbc.update("update guide_wecom_contact set guide_id = coalesce(guide_id, ?), member_id = coalesce(member_id, ?), match_checked_at = ?,"
                + " updated_at = ? where tenant_id = ? and id = ?", guideId, memberId, Timestamp.from(at), Timestamp.from(at),
                CallerContext.requireTenant(), contactId);
    }

    @Override
    public Optional<WecomContact> contact(String wecomUserId, String externalUserId) {
        return jdbc.query("select * from guide_wecom_contact where tenant_id = ? and wecom_user_id = ? and external_user_id = ?",
                JdbcWecomRepository::toContact, CallerContext.requireTenant(), wecomUserId, externalUserId).stream().findFirst();
    }

    @Override
    public Optional<WecomContact> activeContactOf(String wecomUserId, long memberId) {
        return jdbc.query("select * from guide_wecom_contact where tenant_id = ? and wecom_user_id = ? and member_id = ? and status = 'ACTIVE'"
                + " order by added_at desc limit 1", JdbcWecomRepository::toContact, CallerContext.requireTenant(), wecomUserId, memberId).stream().findFirst();
    }

    @Override
    public Optional<SentMessage> message(String key) {
        return jdbc.query("select guide_id, external_user_id, msg_id from guide_wecom_message where tenant_id = ? and send_key = ?", (rs, n) ->
                new SentMessage(rs.getLong(1), rs.getString(2), rs.getString(3)), CallerContext.requireTenant(), key).stream().findFirst();
    }

    @Override
    public boolean saveMessage(String key, long guideId, long memberId, String externalUserId, String msgId, Instant at) {
        return jdbc.update("insert ignore into guide_wecom_message (tenant_id, send_key, guide_id, member_id, external_user_id, msg_id, at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", CallerContext.requireTenant(), key, guideId, memberId, externalUserId, msgId, Timestamp.from(at)) == 1;
    }

    @Override
    public void markContact(String wecomUserId, String externalUserId, WecomContact.Status status, Instant at) {
        jdbc.update("update guide_wecom_contact set status = ?, lost_at = ?, updated_at = ? where tenant_id = ? and wecom_user_id = ?"
                + " and external_user_id = ?", status.name(), Timestamp.from(at), Timestamp.from(at), CallerContext.requireTenant(), wecomUserId,
                externalUserId);
    }

    @Override
    public List<WecomContact> activeContacts(long guideId, Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return named.query("select * from guide_wecom_contact where tenant_id = :tenant and guide_id = :guide and status = 'ACTIVE'"
                + " and member_id in (:members) order by id", new MapSqlParameterSource().addValue("tenant", CallerContext.requireTenant())
                .addValue("guide", guideId).addValue("members", memberIds), JdbcWecomRepository::toContact);
    }

    @Override
    public void moveContact(String fromUserId, String externalUserId, String toUserId, long toGuideId, Instant at) {
        long tenant = CallerContext.requireTenant();
        Optional<WecomContact> from = contact(fromUserId, externalUserId);
        Timestamp when = Timestamp.from(at);
        // the successor's row (the shopper may have added them already); the leaver's contact is no longer theirs
        jdbc.update("insert into guide_wecom_contact (tenant_id, wecom_user_id, external_user_id, guide_id, member_id, code_id, channel, status,"
                        + " added_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?) on duplicate key update guide_id = values(guide_id),"
                        + " member_id = coalesce(values(member_id), member_id), status = 'ACTIVE', lost_at = null, updated_at = values(updated_at)",
                tenant, toUserId, externalUserId, toGuideId, from.map(WecomContact::memberId).orElse(null), from.map(WecomContact::codeId).orElse(null),
                from.map(WecomContact::channel).orElse(null), when, when);
        jdbc.update("update guide_wecom_contact set status = 'REMOVED', lost_at = ?, updated_at = ? where tenant_id = ? and wecom_user_id = ?"
                + " and external_user_id = ?", when, when, tenant, fromUserId, externalUserId);
    }

    @Override
    public List<WecomContact> lostContacts(Long storeId, int limit) {
        long tenant = CallerContext.requireTenant();
        if (storeId == null) {
            return jdbc.query("select * from guide_wecom_contact where tenant_id = ? and status = 'LOST' order by lost_at desc, id desc limit ?",
                    JdbcWecomRepository::toContact, tenant, limit);
        }
        return jdbc.query("select c.* from guide_wecom_contact c join guide g on g.tenant_id = c.tenant_id and g.id = c.guide_id"
                + " where c.tenant_id = ? and c.status = 'LOST' and g.store_id = ? order by c.lost_at desc, c.id desc limit ?",
                JdbcWecomRepository::toContact, tenant, storeId, limit);
    }

    @Override
    public boolean claimWelcome(String welcomeCode, long contactId, Instant at) {
        try {
            jdbc.update("insert into guide_wecom_welcome (tenant_id, welcome_code, contact_id, status, created_at) values (?, ?, ?, 'SENDING', ?)",
                    CallerContext.requireTenant(), welcomeCode, contactId, Timestamp.from(at));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void welcomeResult(String welcomeCode, String status, String error) {
        jdbc.update("update guide_wecom_welcome set status = ?, error = ? where tenant_id = ? and welcome_code = ?", status, Columns.clip(error, 200),
                CallerContext.requireTenant(), welcomeCode);
    }

    @Override
    public void bindingContactLost(long memberId, long guideId, Instant at) {
        jdbc.update("update guide_binding set wecom_lost_at = ? where tenant_id = ? and member_id = ? and guide_id = ?",
                at == null ? null : Timestamp.from(at), CallerContext.requireTenant(), memberId, guideId);
    }

    private static WecomContact toContact(ResultSet rs, int n) throws SQLException {
        Timestamp lost = rs.getTimestamp("lost_at");
        return new WecomContact(rs.getLong("id"), rs.getString("wecom_user_id"), rs.getString("external_user_id"), (Long) rs.getObject("guide_id"),
                (Long) rs.getObject("member_id"), (Long) rs.getObject("code_id"), rs.getString("channel"),
                WecomContact.Status.valueOf(rs.getString("status")), rs.getTimestamp("added_at").toInstant(), lost == null ? null : lost.toInstant());
    }
}
