package com.siyu.touchpoint.messaging.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.context.CallerContext;
import com.siyu.touchpoint.messaging.domain.Channel;
import com.siyu.touchpoint.messaging.domain.ContactPolicy;
import com.siyu.touchpoint.messaging.domain.MessagingRepository;
import com.siyu.touchpoint.messaging.domain.Preset;
import com.siyu.touchpoint.messaging.domain.Send;
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
class JdbcMessagingRepository implements MessagingRepository {

    private static final TypeReference<LinkedHashMap<String, String>> TEXT_MAP = new TypeReference<>() {
    };

    private static final TypeReference<List<Send.Content>> CONTENTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final com.siyu.common.crypto.SecretBox secrets;

    JdbcMessagingRepository(JdbcTemplate jdbc, ObjectMapper json, com.siyu.common.crypto.SecretBox secrets) {
        this.jdbc = jdbc;
        this.json = json;
        this.secrets = secrets;
    }

    private static long tenant() {
        return CallerContext.requireTenant();
    }

    @Override
    public void grant(long memberId, List<String> templateIds, Instant now) {
        // the primary key is (tenant, member, template): "on duplicate key" only meets this member's own row
        for (String template : templateIds) {
            jdbc.update("insert into tp_subscription_quota (tenant_id, member_id, template_id, quota, granted, updated_at) values (?, ?, ?, 1, 1, ?)"
                    + " on duplicate key update quota = quota + 1, granted = granted + 1, updated_at = values(updated_at)", tenant(), memberId, template,
                    Timestamp.from(now));
        }
    }

    @Override
    public boolean consumeQuota(long memberId, String templateId, Instant now) {
        return jdbc.update("update tp_subscription_quota set quota = quota - 1, updated_at = ? where tenant_id = ? and member_id = ? and template_id = ?"
                + " and quota > 0", Timestamp.from(now), tenant(), memberId, templateId) == 1;
    }

    @Override
    public void returnQuota(long memberId, String templateId, Instant now) {
        jdbc.update("update tp_subscription_quota set quota = quota + 1, updated_at = ? where tenant_id = ? and member_id = ? and template_id = ?",
                Timestamp.from(now), tenant(), memberId, templateId);
    }

    @Override
    public void clearQuota(long memberId, String templateId, Instant now) {
        jdbc.update("update tp_subscription_quota set quota = 0, updated_at = ? where tenant_id = ? and member_id = ? and template_id = ?",
                Timestamp.from(now), tenant(), memberId, templateId);
    }

    @Override
    public List<Quota> quotas(long memberId) {
        return jdbc.query("select template_id, quota, granted from tp_subscription_quota where tenant_id = ? and member_id = ? order by template_id",
                (rs, n) -> new Quota(rs.getString(1), rs.getInt(2), rs.getInt(3)), tenant(), memberId);
    }

    @Override
    public Optional<ContactPolicy> policy() {
        return jdbc.query("select daily_cap, weekly_cap, attribution_hours from tp_contact_policy where tenant_id = ?", (rs, n) -> new ContactPolicy(
                rs.getInt(1), rs.getInt(2), rs.getInt(3)), tenant()).stream().findFirst();
    }

    @Override
    public void savePolicy(ContactPolicy policy, Instant now) {
        jdbc.update("insert into tp_contact_policy (tenant_id, daily_cap, weekly_cap, attribution_hours, updated_at) values (?, ?, ?, ?, ?)"
                + " on duplicate key update daily_cap = values(daily_cap), weekly_cap = values(weekly_cap), attribution_hours = values(attribution_hours),"
                + " updated_at = values(updated_at)", tenant(), policy.dailyCap(), policy.weeklyCap(), policy.attributionHours(), Timestamp.from(now));
    }

    @Override
    public void unsubscribe(long memberId, Channel channel, Instant now) {
        jdbc.update("insert ignore into tp_unsubscribe (tenant_id, member_id, channel, at) values (?, ?, ?, ?)", tenant(), memberId, channel.name(),
                Timestamp.from(now));
    }

    @Override
    public void resubscribe(long memberId, Channel channel) {
        jdbc.update("delete from tp_unsubscribe where tenant_id = ? and member_id = ? and channel = ?", tenant(), memberId, channel.name());
    }

    @Override
    public List<Channel> unsubscribed(long memberId) {
        return jdbc.queryForList("select channel from tp_unsubscribe where tenant_id = ? and member_id = ? order by channel", String.class, tenant(),
                memberId).stream().map(Channel::valueOf).toList();
    }

    @Override
    public Optional<Preset> preset(Preset.Kind kind) {
        return jdbc.query("select * from tp_preset where tenant_id = ? and kind = ?", (rs, n) -> new Preset(kind, rs.getBoolean("enabled"),
                rs.getString("template_id"), rs.getString("page"), read(rs.getString("fields"))), tenant(), kind.name()).stream().findFirst();
    }

    @Override
    public void savePreset(Preset preset, Instant now) {
        jdbc.update("insert into tp_preset (tenant_id, kind, enabled, template_id, page, fields, updated_at) values (?, ?, ?, ?, ?, ?, ?)"
                + " on duplicate key update enabled = values(enabled), template_id = values(template_id), page = values(page), fields = values(fields),"
                + " updated_at = values(updated_at)", tenant(), preset.kind().name(), preset.enabled(), preset.templateId(), preset.page(),
                write(preset.fields()), Timestamp.from(now));
    }

    private static final String INSERT_SEND = "insert into tp_send (tenant_id, member_id, channel, template_id, page, data, preset, source_key,"
            + " status, due_at, created_at, tracking_token, day, campaign_id, campaign_run, arm, fallbacks, on_cap, coupon_template_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private void bind(PreparedStatement insert, NewSend send, Instant now) throws SQLException {
        Send.Extras extras = send.extras();
        insert.setLong(1, tenant());
        insert.setLong(2, send.memberId());
        insert.setString(3, send.channel().name());
        insert.setString(4, send.templateId());
        insert.setString(5, send.page());
        insert.setString(6, write(send.data()));
        insert.setString(7, send.preset());
        insert.setString(8, send.sourceKey());
        insert.setTimestamp(9, Timestamp.from(send.dueAt()));
        insert.setTimestamp(10, Timestamp.from(now));
        insert.setString(11, newToken());
        insert.setObject(12, send.day());
        insert.setObject(13, extras.campaignId());
        insert.setObject(14, extras.run());
        insert.setString(15, extras.arm());
        insert.setString(16, extras.fallbacks().isEmpty() ? null : writeContents(extras.fallbacks()));
        insert.setString(17, extras.onCap().name());
        insert.setObject(18, extras.couponTemplateId());
    }

    @Override
    public Optional<Long> enqueue(NewSend send, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(connection -> {
                PreparedStatement insert = connection.prepareStatement(INSERT_SEND, Statement.RETURN_GENERATED_KEYS);
                bind(insert, send, now);
                return insert;
            }, key);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        long id = key.getKey().longValue();
        bump(id, DayFigure.SENDS, 1);
        return Optional.of(id);
    }

    @Override
    public int enqueueAll(List<NewSend> sends, Instant now) {
        if (sends.isEmpty()) {
            return 0;
        }
        // one batch; "insert ignore" leaves a send whose source key exists (a page done again after a crash) as it is
        int[][] inserted = jdbc.batchUpdate(INSERT_SEND.replaceFirst("insert into", "insert ignore into"), sends, 500, (insert, send) -> bind(insert, send, now));
        Map<List<Object>, Long> perDay = new LinkedHashMap<>();
        int made = 0;
        int i = 0;
        for (int[] chunk : inserted) {
            for (int count : chunk) {
                NewSend send = sends.get(i++);
                // Connector/J answers SUCCESS_NO_INFO (-2) for a batch it rewrote: the rows are counted below instead
                if (count > 0 || count == Statement.SUCCESS_NO_INFO) {
                    made++;
                    perDay.merge(java.util.Arrays.asList(send.day(), send.channel().name(), send.preset() == null ? "" : send.preset()), 1L, Long::sum);
                }
            }
        }
        // the primary key is (tenant, day, channel, preset): "on duplicate key" can only meet this tenant's row
        perDay.forEach((k, n) -> jdbc.update("insert into tp_send_day (tenant_id, day, channel, preset, sends) values (?, ?, ?, ?, ?)"
                + " on duplicate key update sends = sends + values(sends)", tenant(), k.get(0), k.get(1), k.get(2), n));
        return made;
    }

    @Override
    public boolean withdraw(String sourceKey, String reason) {
        return jdbc.update("update tp_send set status = 'SKIPPED', reason = ? where tenant_id = ? and source_key = ? and status = 'QUEUED'", reason,
                tenant(), sourceKey) == 1;
    }

    @Override
    public void fallBack(long id, Send.Content next, List<Send.Content> remaining, String tried) {
        // the send is counted on the day figures of the channel it is on: it moves with it
        bump(id, DayFigure.SENDS, -1);
        jdbc.update("update tp_send set channel = ?, template_id = ?, page = ?, data = ?, fallbacks = ?, tried = left(concat_ws(' ', tried, ?), 200)"
                + " where tenant_id = ? and id = ? and status = 'SENDING'", next.channel().name(), next.templateId(), next.page(), write(next.data()),
                remaining.isEmpty() ? null : writeContents(remaining), tried, tenant(), id);
        bump(id, DayFigure.SENDS, 1);
    }

    @Override
    public void defer(long id, Instant dueAt, String reason) {
        jdbc.update("update tp_send set status = 'QUEUED', due_at = ?, reason = ?, deferred_for = coalesce(deferred_for, ?), claimed_at = null"
                + " where tenant_id = ? and id = ? and status = 'SENDING'", Timestamp.from(dueAt), reason, reason, tenant(), id);
    }

    @Override
    public void couponGranted(long id, long couponId) {
        jdbc.update("update tp_send set coupon_id = ? where tenant_id = ? and id = ?", couponId, tenant(), id);
    }

    @Override
    public Optional<com.siyu.touchpoint.messaging.domain.SmsAccount> smsAccount() {
        return jdbc.query("select provider, access_key_id, access_key_secret, sign_name from tp_sms_account where tenant_id = ?",
                (rs, n) -> new com.siyu.touchpoint.messaging.domain.SmsAccount(rs.getString(1), rs.getString(2), secrets.open(rs.getString(3)),
                        rs.getString(4)), tenant()).stream().findFirst();
    }

    @Override
    public void saveSmsAccount(com.siyu.touchpoint.messaging.domain.SmsAccount account, Instant now) {
        // the primary key is the tenant: "on duplicate key" only meets this tenant's own row
        jdbc.update("insert into tp_sms_account (tenant_id, provider, access_key_id, access_key_secret, sign_name, updated_at) values (?, ?, ?, ?, ?, ?)"
                + " on duplicate key update provider = values(provider), access_key_id = values(access_key_id),"
                + " access_key_secret = values(access_key_secret), sign_name = values(sign_name), updated_at = values(updated_at)", tenant(),
                account.provider(), account.accessKeyId(), secrets.seal(account.accessKeySecret()), account.signName(), Timestamp.from(now));
    }

    @Override
    public Optional<com.siyu.touchpoint.messaging.domain.MpAccount> mpAccount() {
        return jdbc.query("select app_id, app_secret from tp_mp_account where tenant_id = ?", (rs, n) -> new com.siyu.touchpoint.messaging.domain.MpAccount(
                rs.getString(1), secrets.open(rs.getString(2))), tenant()).stream().findFirst();
    }

    @Override
    public void saveMpAccount(com.siyu.touchpoint.messaging.domain.MpAccount account, Instant now) {
        // the primary key is the tenant: "on duplicate key" only meets this tenant's own row
        jdbc.update("insert into tp_mp_account (tenant_id, app_id, app_secret, updated_at) values (?, ?, ?, ?) on duplicate key update"
                + " app_id = values(app_id), app_secret = values(app_secret), updated_at = values(updated_at)", tenant(), account.appId(),
                secrets.seal(account.appSecret()), Timestamp.from(now));
    }

    @Override
    public List<String> sensitiveWords() {
        return jdbc.queryForList("select word from tp_sensitive_word where tenant_id = ? order by word", String.class, tenant());
    }

    @Override
    public void addSensitiveWords(java.util.Collection<String> words, Instant now) {
        for (String word : words) {
            jdbc.update("insert ignore into tp_sensitive_word (tenant_id, word, added_at) values (?, ?, ?)", tenant(), word, Timestamp.from(now));
        }
    }

    @Override
    public boolean removeSensitiveWord(String word) {
        return jdbc.update("delete from tp_sensitive_word where tenant_id = ? and word = ?", tenant(), word) == 1;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** 16 random bytes, URL-safe Base64 without padding: 22 characters nobody can guess. */
    private static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The tenant's send carrying this tracking token. */
    Optional<Send> byToken(String token) {
        return jdbc.query("select * from tp_send where tenant_id = ? and tracking_token = ?", this::toSend, tenant(), token).stream().findFirst();
    }

    @Override
    public Optional<Send> find(long id) {
        return jdbc.query("select * from tp_send where tenant_id = ? and id = ?", this::toSend, tenant(), id).stream().findFirst();
    }

    @Override
    public Map<Long, List<Send>> due(Instant now, int limit) {
        Map<Long, List<Send>> byTenant = new LinkedHashMap<>();
        jdbc.query("select * from tp_send where status = 'QUEUED' and due_at <= ? order by due_at, id limit ?", rs -> {
            byTenant.computeIfAbsent(rs.getLong("tenant_id"), t -> new ArrayList<>()).add(toSend(rs, 0));
        }, Timestamp.from(now), limit);
        return byTenant;
    }

    @Override
    public boolean claim(long id, Instant now) {
        return jdbc.update("update tp_send set status = 'SENDING', claimed_at = ?, attempts = attempts + 1 where tenant_id = ? and id = ?"
                + " and status = 'QUEUED'", Timestamp.from(now), tenant(), id) == 1;
    }

    @Override
    public void requeue(long id, Instant dueAt, String reason, String response) {
        jdbc.update("update tp_send set status = 'QUEUED', due_at = ?, reason = ?, response = ?, claimed_at = null where tenant_id = ? and id = ?"
                + " and status = 'SENDING'", Timestamp.from(dueAt), reason, clip(response), tenant(), id);
    }

    /** The dashboard's figures of a send's day (tp_send_day), as each fact happens. */
    enum DayFigure { SENDS, SENT, CLICKED, CONVERTED, ATTRIBUTED_FEN }

    /** Adds {@code amount} to the figure of the send's day, channel and preset (sends without a day are not rolled up). */
    void bump(long sendId, DayFigure figure, long amount) {
        String column = figure.name().toLowerCase(java.util.Locale.ROOT);
        // the primary key is (tenant, day, channel, preset): "on duplicate key" can only meet this tenant's row
        jdbc.update("insert into tp_send_day (tenant_id, day, channel, preset, " + column + ") select tenant_id, day, channel, coalesce(preset, ''), ?"
                + " from tp_send where tenant_id = ? and id = ? and day is not null on duplicate key update " + column + " = " + column + " + values("
                + column + ")", amount, tenant(), sendId);
    }

    @Override
    public void finish(long id, Send.Status status, String reason, String msgId, String response, Instant now) {
        int finished = jdbc.update("update tp_send set status = ?, reason = ?, channel_msg_id = ?, response = ?, sent_at = ? where tenant_id = ? and id = ?"
                + " and status = 'SENDING'", status.name(), reason, msgId, clip(response), status == Send.Status.SENT ? Timestamp.from(now) : null,
                tenant(), id);
        if (finished == 1 && status == Send.Status.SENT) {
            bump(id, DayFigure.SENT, 1);
        }
    }

    @Override
    public void sentByGuide(long id, long guideId) {
        jdbc.update("update tp_send set guide_id = ? where tenant_id = ? and id = ?", guideId, tenant(), id);
    }

    @Override
    public int abandonStuck(Instant before, Instant now) {
        // every tenant's: whether WeChat got the message is unknown, so it is never sent again
        return jdbc.update("update tp_send set status = 'FAILED', reason = 'OUTCOME_UNKNOWN' where status = 'SENDING' and claimed_at < ?",
                Timestamp.from(before));
    }

    @Override
    public int[] sentToday(long memberId, Instant dayStart, Instant weekStart, Instant to) {
        // the week starts on or before the day: one range read over ix_send_member gives both
        Instant from = weekStart.isBefore(dayStart) ? weekStart : dayStart;
        return jdbc.queryForObject("select coalesce(sum(sent_at >= ?), 0), count(*) from tp_send where tenant_id = ? and member_id = ? and status = 'SENT'"
                + " and sent_at >= ? and sent_at < ?", (rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}, Timestamp.from(dayStart), tenant(), memberId,
                Timestamp.from(from), Timestamp.from(to));
    }

    @Override
    public List<Send> list(SendFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("select * from tp_send where tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(tenant()));
        if (filter.memberId() != null) {
            sql.append(" and member_id = ?");
            args.add(filter.memberId());
        }
        if (filter.status() != null) {
            sql.append(" and status = ?");
            args.add(filter.status().name());
        }
        if (filter.preset() != null) {
            sql.append(" and preset = ?");
            args.add(filter.preset());
        }
        if (filter.campaignId() != null) {
            sql.append(" and campaign_id = ?");
            args.add(filter.campaignId());
        }
        args.add(limit);
        return jdbc.query(sql.append(" order by id desc limit ?").toString(), this::toSend, args.toArray());
    }

    private Send toSend(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Send(rs.getLong("id"), rs.getLong("member_id"), Channel.valueOf(rs.getString("channel")), rs.getString("template_id"),
                rs.getString("page"), read(rs.getString("data")), rs.getString("preset"), rs.getString("source_key"),
                Send.Status.valueOf(rs.getString("status")), rs.getString("reason"), rs.getTimestamp("due_at").toInstant(), rs.getInt("attempts"),
                sent == null ? null : sent.toInstant(), rs.getString("channel_msg_id"), rs.getString("response"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("tracking_token"), extras(rs));
    }

    private Send.Extras extras(ResultSet rs) throws SQLException {
        String fallbacks = rs.getString("fallbacks");
        String onCap = rs.getString("on_cap");
        return new Send.Extras((Long) rs.getObject("campaign_id", Long.class), (Integer) rs.getObject("campaign_run", Integer.class), rs.getString("arm"),
                fallbacks == null ? List.of() : readContents(fallbacks), rs.getString("tried"), onCap == null ? Send.OnCap.SKIP : Send.OnCap.valueOf(onCap),
                rs.getString("deferred_for"), (Long) rs.getObject("coupon_template_id", Long.class), (Long) rs.getObject("coupon_id", Long.class));
    }

    private String writeContents(List<Send.Content> contents) {
        try {
            return json.writeValueAsString(contents);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A channel chain did not serialise", e);
        }
    }

    private List<Send.Content> readContents(String text) {
        try {
            return json.readValue(text, CONTENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored channel chain is not JSON", e);
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private String write(Map<String, String> map) {
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A text map did not serialise", e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, TEXT_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored text map is not JSON", e);
        }
    }
}
