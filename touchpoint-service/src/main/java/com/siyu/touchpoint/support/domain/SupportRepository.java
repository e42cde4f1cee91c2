package com.siyu.touchpoint.support.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Customer service and work orders of the tenant in context unless a method says otherwise (infra). */
public interface SupportRepository {

    Optional<CsAccount> account();

    void saveAccount(CsAccount account, Instant now);

    List<KeywordRule> rules();

    long addRule(KeywordRule rule, Instant now);

    boolean updateRule(KeywordRule rule);

    boolean deleteRule(long id);

    record Conversation(long id, String openId, Long memberId, String status, Instant lastInboundAt, Instant waitingSince) {
    }

    /** The shopper's conversation (made on their first message), with this message as its latest inbound. */
    Conversation touchConversation(String openId, Long memberId, Instant at);

    Optional<Conversation> conversation(long id);

    List<Conversation> conversations(String status, int limit);

    void conversationStatus(long id, String status, Instant waitingSince, Instant now);

    record Message(long id, String direction, String msgType, String content, Long ruleId, Long staffId, String outcome, Instant at) {
    }

    /** Records an inbound message once per WeChat MsgId; false when it was recorded already (a redelivery). */
    boolean inbound(long conversationId, WeChatMessages.Inbound message);

    void outbound(long conversationId, String msgType, String content, Long ruleId, Long staffId, String outcome, Instant at);

    List<Message> messages(long conversationId, int limit);

    Optional<WorkOrder.Route> route(WorkOrder.Kind kind);

    void saveRoute(WorkOrder.Route route);

    long createWorkOrder(WorkOrder order);

    Optional<WorkOrder> workOrder(long id);

    /** Locked for the transaction (an action on it). */
    Optional<WorkOrder> lockWorkOrder(long id);

    record WorkOrderFilter(WorkOrder.Status status, WorkOrder.Kind kind, String role, Long storeId, Long assignee, Long memberId) {
    }

    List<WorkOrder> workOrders(WorkOrderFilter filter, int limit);

    void updateWorkOrder(long id, WorkOrder.Status status, String role, Long assignee, Instant dueAt, int escalations, Instant now);

    void refundOf(long id, String refundNo, String refundStatus, Long refundedFen, Long pointsReturned, List<Long> restoredCouponIds, Instant now);

    Optional<WorkOrder> byRefundNo(String refundNo);

    void event(long id, String action, WorkOrder.Status from, WorkOrder.Status to, String actor, String note, Instant at);

    List<WorkOrder.Event> events(long id);

    /** Every tenant's unfinished work orders past their SLA: tenant → ids. */
    Map<Long, List<Long>> overdue(Instant now, int limit);
}
