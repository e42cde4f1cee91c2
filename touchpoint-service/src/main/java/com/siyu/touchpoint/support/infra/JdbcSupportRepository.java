package com.siyu.touchpoint.support.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.context.CallerContext;
import com.siyu.common.crypto.SecretBox;
import com.siyu.touchpoint.support.domain.CsAccount;
import com.siyu.touchpoint.support.domain.KeywordRule;
import com.siyu.touchpoint.support.domain.SupportRepository;
import com.siyu.touchpoint.support.domain.WeChatMessages;
import com.siyu.touchpoint.support.domain.WorkOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSupportRepository implements SupportRepository {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final SecretBox secrets;

    JdbcSupportRepository(JdbcTemplate jdbc, ObjectMapper json, SecretBox secrets) {
        this.jdbc = jdbc;
        this.json = json;
        this.secrets = secrets;
    }

    private static long tenant() {
        return CallerContext.requireTenant();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant at(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    @Override
    public Optional<CsAccount> account() {
        return jdbc.query("select token, encoding_aes_key from tp_cs_account where tenant_id = ?", (rs, n) -> new CsAccount(secrets.open(rs.getString(1)),
                secrets.open(rs.getString(2))), tenant()).stream().findFirst();
    }

    @Override
    public void saveAccount(CsAccount account, Instant now) {
        // the primary key is the tenant: "on duplicate key" only meets this tenant's own row
        jdbc.update("insert into tp_cs_account (tenant_id, token, encoding_aes_key, updated_at) values (?, ?, ?, ?) on duplicate key update"
                + " token = values(token), encoding_aes_key = values(encoding_aes_key), updated_at = values(updated_at)", tenant(),
                secrets.seal(account.token()), secrets.seal(account.encodingAesKey()), ts(now));
    }

    @Override
    public List<KeywordRule> rules() {
        return jdbc.query("select * from tp_keyword_rule where tenant_id = ? order by priority, id", (rs, n) -> new KeywordRule(rs.getLong("id"),
                KeywordRule.MatchType.valueOf(rs.getString("match_type")), rs.getString("pattern"), rs.getInt("priority"), readReply(rs.getString("reply")),
                rs.getBoolean("enabled")), tenant());
    }

    @Override
    public long addRule(KeywordRule rule, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement insert = c.prepareStatement("insert into tp_keyword_rule (tenant_id, match_type, pattern, priority, reply, enabled, created_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, tenant());
            insert.setString(2, rule.matchType().name());
            insert.setString(3, rule.pattern());
            insert.setInt(4, rule.priority());
            insert.setString(5, write(rule.reply()));
            insert.setBoolean(6, rule.enabled());
            insert.setTimestamp(7, ts(now));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    @Override
    public boolean updateRule(KeywordRule rule) {
        return jdbc.update("update tp_keyword_rule set match_type = ?, pattern = ?, priority = ?, reply = ?, enabled = ? where tenant_id = ? and id = ?",
                rule.matchType().name(), rule.pattern(), rule.priority(), write(rule.reply()), rule.enabled(), tenant(), rule.id()) == 1;
    }

    @Override
    public boolean deleteRule(long id) {
        return jdbc.update("delete from tp_keyword_rule where tenant_id = ? and id = ?", tenant(), id) == 1;
    }

    @Override
    public Conversation touchConversation(String openId, Long memberId, Instant at) {
        // the unique key is (tenant, open id): "on duplicate key" only meets this tenant's conversation of this shopper
        jdbc.update("insert into tp_conversation (tenant_id, open_id, member_id, status, last_inbound_at, updated_at) values (?, ?, ?, 'NEW', ?, ?)"
                + " on duplicate key update member_id = coalesce(values(member_id), member_id), last_inbound_at = values(last_inbound_at),"
                + " updated_at = values(updated_at)", tenant(), openId, memberId, ts(at), ts(at));
        return jdbc.queryForObject("select * from tp_conversation where tenant_id = ? and open_id = ?", this::toConversation, tenant(), openId);
    }

    @Override
    public Optional<Conversation> conversation(long id) {
        return jdbc.query("select * from tp_conversation where tenant_id = ? and id = ?", this::toConversation, tenant(), id).stream().findFirst();
    }

    @Override
    public List<Conversation> conversations(String status, int limit) {
        if (status == null) {
            return jdbc.query("select * from tp_conversation where tenant_id = ? order by updated_at desc, id desc limit ?", this::toConversation, tenant(),
                    limit);
        }
        return jdbc.query("select * from tp_conversation where tenant_id = ? and status = ? order by coalesce(waiting_since, updated_at), id limit ?",
                this::toConversation, tenant(), status, limit);
    }

    @Override
    public void conversationStatus(long id, String status, Instant waitingSince, Instant now) {
        jdbc.update("update tp_conversation set status = ?, waiting_since = ?, updated_at = ? where tenant_id = ? and id = ?", status, ts(waitingSince),
                ts(now), tenant(), id);
    }

    private Conversation toConversation(ResultSet rs, int n) throws SQLException {
        return new Conversation(rs.getLong("id"), rs.getString("open_id"), rs.getObject("member_id", Long.class), rs.getString("status"),
                at(rs, "last_inbound_at"), at(rs, "waiting_since"));
    }

    @Override
    public boolean inbound(long conversationId, WeChatMessages.Inbound message) {
        try {
            jdbc.update("insert into tp_cs_message (tenant_id, conversation_id, direction, msg_type, content, wechat_msg_id, at) values (?, ?, 'IN', ?, ?, ?, ?)",
                    tenant(), conversationId, message.msgType(), message.content(), message.msgId(), ts(message.at()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void outbound(long conversationId, String msgType, String content, Long ruleId, Long staffId, String outcome, Instant at) {
        jdbc.update("insert into tp_cs_message (tenant_id, conversation_id, direction, msg_type, content, rule_id, staff_id, outcome, at)"
                + " values (?, ?, 'OUT', ?, ?, ?, ?, ?, ?)", tenant(), conversationId, msgType, content, ruleId, staffId, outcome, ts(at));
    }

    @Override
    public List<Message> messages(long conversationId, int limit) {
        return jdbc.query("select * from tp_cs_message where tenant_id = ? and conversation_id = ? order by id desc limit ?", (rs, n) -> new Message(
                rs.getLong("id"), rs.getString("direction"), rs.getString("msg_type"), rs.getString("content"), rs.getObject("rule_id", Long.class),
                rs.getObject("staff_id", Long.class), rs.getString("outcome"), at(rs, "at")), tenant(), conversationId, limit);
    }

    @Override
    public Optional<WorkOrder.Route> route(WorkOrder.Kind kind) {
        return jdbc.query("select role, sla_hours from tp_work_order_route where tenant_id = ? and kind = ?", (rs, n) -> new WorkOrder.Route(kind,
                rs.getString(1), rs.getInt(2)), tenant(), kind.name()).stream().findFirst();
    }

    @Override
    public void saveRoute(WorkOrder.Route route) {
        jdbc.update("insert into tp_work_order_route (tenant_id, kind, role, sla_hours) values (?, ?, ?, ?) on duplicate key update role = values(role),"
                + " sla_hours = values(sla_hours)", tenant(), route.kind().name(), route.role(), route.slaHours());
    }

    @Override
    public long createWorkOrder(WorkOrder o) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement insert = c.prepareStatement("insert into tp_work_order (tenant_id, kind, status, member_id, conversation_id, store_id, title,"
                    + " detail, payment_no, order_no, amount_fen, role, due_at, created_by, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, tenant());
            insert.setString(2, o.kind().name());
            insert.setString(3, o.status().name());
            insert.setLong(4, o.memberId());
            insert.setObject(5, o.conversationId());
            insert.setObject(6, o.storeId());
            insert.setString(7, o.title());
            insert.setString(8, o.detail());
            insert.setString(9, o.paymentNo());
            insert.setString(10, o.orderNo());
            insert.setObject(11, o.amountFen());
            insert.setString(12, o.role());
            insert.setTimestamp(13, ts(o.dueAt()));
            insert.setString(14, o.createdBy());
            insert.setTimestamp(15, ts(o.createdAt()));
            insert.setTimestamp(16, ts(o.updatedAt()));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    @Override
    public Optional<WorkOrder> workOrder(long id) {
        return jdbc.query("select * from tp_work_order where tenant_id = ? and id = ?", this::toWorkOrder, tenant(), id).stream().findFirst();
    }

    @Override
    public Optional<WorkOrder> lockWorkOrder(long id) {
        return jdbc.query("select * from tp_work_order where tenant_id = ? and id = ? for update", this::toWorkOrder, tenant(), id).stream().findFirst();
    }

    @Override
    public List<WorkOrder> workOrders(WorkOrderFilter f, int limit) {
        StringBuilder sql = new StringBuilder("select * from tp_work_order where tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(tenant()));
        if (f.status() != null) {
            sql.append(" and status = ?");
            args.add(f.status().name());
        }
        if (f.kind() != null) {
            sql.append(" and kind = ?");
            args.add(f.kind().name());
        }
        if (f.role() != null) {
            sql.append(" and role = ?");
            args.add(f.role());
        }
        if (f.storeId() != null) {
            sql.append(" and (store_id = ? or store_id is null)");
            args.add(f.storeId());
        }
        if (f.assignee() != null) {
            sql.append(" and assignee_staff_id = ?");
            args.add(f.assignee());
        }
        if (f.memberId() != null) {
            sql.append(" and member_id = ?");
            args.add(f.memberId());
        }
        args.add(limit);
        return jdbc.query(sql.append(" order by due_at, id limit ?").toString(), this::toWorkOrder, args.toArray());
    }

    @Override
    public void updateWorkOrder(long id, WorkOrder.Status status, String role, Long assignee, Instant dueAt, int escalations, Instant now) {
        jdbc.update("update tp_work_order set status = ?, role = ?, assignee_staff_id = ?, due_at = ?, escalations = ?, updated_at = ? where tenant_id = ?"
                + " and id = ?", status.name(), role, assignee, ts(dueAt), escalations, ts(now), tenant(), id);
    }

    @Override
    public void refundOf(long id, String refundNo, String refundStatus, Long refundedFen, Long pointsReturned, List<Long> restoredCouponIds, Instant now) {
        jdbc.update("update tp_work_order set refund_no = ?, refund_status = ?, refunded_fen = ?, points_returned = ?, restored_coupon_ids = ?, updated_at = ?"
                + " where tenant_id = ? and id = ?", refundNo, refundStatus, refundedFen, pointsReturned, restoredCouponIds.isEmpty() ? null
                : restoredCouponIds.stream().map(String::valueOf).collect(Collectors.joining(",")), ts(now), tenant(), id);
    }

    @Override
    public Optional<WorkOrder> byRefundNo(String refundNo) {
        return jdbc.query("select * from tp_work_order where tenant_id = ? and refund_no = ?", this::toWorkOrder, tenant(), refundNo).stream().findFirst();
    }

    @Override
    public void event(long id, String action, WorkOrder.Status from, WorkOrder.Status to, String actor, String note, Instant at) {
        jdbc.update("insert into tp_work_order_event (tenant_id, work_order_id, action, from_status, to_status, actor, note, at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                tenant(), id, action, from == null ? null : from.name(), to == null ? null : to.name(), actor,
                note == null || note.length() <= 1_000 ? note : note.substring(0, 1_000), ts(at));
    }

    @Override
    public List<WorkOrder.Event> events(long id) {
        return jdbc.query("select * from tp_work_order_event where tenant_id = ? and work_order_id = ? order by id", (rs, n) -> new WorkOrder.Event(
                rs.getString("action"), status(rs.getString("from_status")), status(rs.getString("to_status")), rs.getString("actor"), rs.getString("note"),
                at(rs, "at")), tenant(), id);
    }

    @Override
    public Map<Long, List<Long>> overdue(Instant now, int limit) {
        // every tenant's: the SLA job runs for all of them
        Map<Long, List<Long>> byTenant = new LinkedHashMap<>();
        jdbc.query("select tenant_id, id from tp_work_order where status in ('OPEN', 'ASSIGNED') and due_at < ? order by due_at limit ?", rs -> {
            byTenant.computeIfAbsent(rs.getLong(1), t -> new ArrayList<>()).add(rs.getLong(2));
        }, ts(now), limit);
        return byTenant;
    }

    private static WorkOrder.Status status(String s) {
        return s == null ? null : WorkOrder.Status.valueOf(s);
    }

    private WorkOrder toWorkOrder(ResultSet rs, int n) throws SQLException {
        String coupons = rs.getString("restored_coupon_ids");
        return new WorkOrder(rs.getLong("id"), WorkOrder.Kind.valueOf(rs.getString("kind")), WorkOrder.Status.valueOf(rs.getString("status")),
                rs.getLong("member_id"), rs.getObject("conversation_id", Long.class), rs.getObject("store_id", Long.class), rs.getString("title"),
                rs.getString("detail"), rs.getString("payment_no"), rs.getString("order_no"), rs.getObject("amount_fen", Long.class), rs.getString("role"),
                rs.getObject("assignee_staff_id", Long.class), at(rs, "due_at"), rs.getInt("escalations"), rs.getString("refund_no"),
                rs.getString("refund_status"), rs.getObject("refunded_fen", Long.class), rs.getObject("points_returned", Long.class),
                coupons == null ? List.of() : Arrays.stream(coupons.split(",")).map(Long::valueOf).toList(), rs.getString("created_by"),
                at(rs, "created_at"), at(rs, "updated_at"));
    }

    private String write(KeywordRule.Reply reply) {
        try {
            return json.writeValueAsString(reply);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A reply did not serialise", e);
        }
    }

    private KeywordRule.Reply readReply(String text) {
        try {
            return json.readValue(text, KeywordRule.Reply.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored reply is not JSON", e);
        }
    }
}
