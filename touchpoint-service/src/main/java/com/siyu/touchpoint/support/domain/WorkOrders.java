package com.siyu.touchpoint.support.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.feign.RemoteRejection;
import com.siyu.common.outbox.OutboxWriter;
import com.siyu.common.problem.DomainException;
import com.siyu.touchpoint.client.MemberContactsClient;
import com.siyu.touchpoint.client.PaymentClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work orders: opened by staff (from a conversation, a complaint at the desk) or by the shopper (a complaint, a return
 * of a shop order of their own payment), routed to a role's queue by the tenant's rules, taken, noted, escalated to
 * the manager past their SLA; a return approved is refunded by payment-service under the work order's own refund
 * number (so a retried approval never refunds twice) and resolved once the refund succeeded. Every step is history.
 */
@Service
public class WorkOrders {

    private static final Logger log = LoggerFactory.getLogger(WorkOrders.class);
    /** Without a rule of the tenant: inquiries and returns to customer service within a day, complaints to the manager within 8 hours. */
    static final Map<WorkOrder.Kind, WorkOrder.Route> DEFAULT_ROUTES = Map.of(
            WorkOrder.Kind.INQUIRY, new WorkOrder.Route(WorkOrder.Kind.INQUIRY, "SERVICE_AGENT", 24),
            WorkOrder.Kind.COMPLAINT, new WorkOrder.Route(WorkOrder.Kind.COMPLAINT, "MANAGER", 8),
            WorkOrder.Kind.RETURN, new WorkOrder.Route(WorkOrder.Kind.RETURN, "SERVICE_AGENT", 24));
    public static final Set<String> QUEUE_ROLES = Set.of("SERVICE_AGENT", "MANAGER", "GUIDE", "CASHIER");
    /** Roles that see and act on every work order of the tenant (a manager with a store: that store's). */
    private static final Set<String> TENANT_WIDE = Set.of("TENANT_ADMIN", "SERVICE_AGENT");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SupportRepository repository;
    private final PaymentClient payments;
    private final MemberContactsClient members;
    private final ReturnRefunds refunds;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    public WorkOrders(SupportRepository repository, PaymentClient payments, MemberContactsClient members, ReturnRefunds refunds, OutboxWriter outbox,
                      PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.payments = payments;
        this.members = members;
        this.refunds = refunds;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public record NewWorkOrder(WorkOrder.Kind kind, Long memberId, Long conversationId, Long storeId, String title, String detail, String paymentNo,
                               String orderNo, Long amountFen) {
    }

    public WorkOrder open(NewWorkOrder n) {
        Caller caller = CallerContext.current();
        boolean shopper = caller.isMember();
        long memberId = shopper ? caller.memberId() : n.memberId();
        Long storeId = n.storeId();
        if (!shopper && members.contacts(new MemberContactsClient.Query(List.of(memberId))).isEmpty()) {
            throw invalid("memberId", memberId + " is not an active member of this tenant");
        }
        if (n.conversationId() != null && repository.conversation(n.conversationId()).isEmpty()) {
            throw invalid("conversationId", n.conversationId() + " is not a conversation of this tenant");
        }
        if (n.kind() == WorkOrder.Kind.RETURN) {
            if (n.paymentNo() == null || n.orderNo() == null) {
                throw invalid("paymentNo", "and orderNo are required for a RETURN");
            }
            PaymentClient.Payment payment;
            try {
                payment = shopper ? payments.shoppersPayment(n.paymentNo()) : payments.staffPayment(n.paymentNo());
            } catch (RuntimeException e) {
                throw RemoteRejection.in(e).map(r -> (RuntimeException) invalid("paymentNo", n.paymentNo() + " is not a payment "
                        + (shopper ? "of yours" : "of this tenant"))).orElse(e);
            }
            if (payment.memberId() != memberId) {
                throw invalid("paymentNo", n.paymentNo() + " is not a payment of member " + memberId);
            }
            PaymentClient.Order order = payment.orders().stream().filter(o -> o.orderNo().equals(n.orderNo())).findFirst()
                    .orElseThrow(() -> invalid("orderNo", n.orderNo() + " is not a shop order of payment " + n.paymentNo()));
            if (n.amountFen() != null && n.amountFen() > order.grossFen() - order.refundedGrossFen()) {
                throw invalid("amountFen", "is more than the " + (order.grossFen() - order.refundedGrossFen()) + " fen left to refund on " + n.orderNo());
            }
            storeId = order.storeId();
        } else if (n.paymentNo() != null || n.orderNo() != null || n.amountFen() != null) {
            throw invalid("paymentNo", "orderNo and amountFen belong to a RETURN only");
        }
        WorkOrder.Route route = route(n.kind());
        Instant now = clock.instant();
        String actor = actor(caller);
        long finalMember = memberId;
        Long finalStore = storeId;
        long id = tx.execute(t -> {
            long made = repository.createWorkOrder(new WorkOrder(0, n.kind(), WorkOrder.Status.OPEN, finalMember, n.conversationId(), finalStore, n.title(),
                    n.detail(), n.paymentNo(), n.orderNo(), n.amountFen(), route.role(), null, now.plus(Duration.ofHours(route.slaHours())), 0, null, null,
                    null, null, List.of(), actor, now, now));
            repository.event(made, "OPENED", null, WorkOrder.Status.OPEN, actor, "to " + route.role() + ", due in " + route.slaHours() + " h", now);
            return made;
        });
        return get(id);
    }

    public WorkOrder.Route route(WorkOrder.Kind kind) {
        return repository.route(kind).orElse(DEFAULT_ROUTES.get(kind));
    }

    public WorkOrder.Route setRoute(WorkOrder.Route route) {
        if (!QUEUE_ROLES.contains(route.role())) {
            throw invalid("role", "must be one of " + QUEUE_ROLES.stream().sorted().toList());
        }
        repository.saveRoute(route);
        return route;
    }

    /** The work order, if the caller may see it: the shopper their own; staff the tenant's (store staff and store managers their store's). */
    public WorkOrder get(long id) {
        WorkOrder order = repository.workOrder(id).orElseThrow(() -> DomainException.notFound("Work order", id));
        Caller caller = CallerContext.current();
        if (caller.isMember() ? order.memberId() != caller.memberId() : !visible(order, caller)) {
            throw DomainException.notFound("Work order", id);
        }
        return order;
    }

    private static boolean visible(WorkOrder order, Caller staff) {
        if (staff.roles().stream().anyMatch(TENANT_WIDE::contains) || staff.storeId() == null) {
            return true;
        }
        return order.storeId() == null || order.storeId().equals(staff.storeId());
    }

    public List<WorkOrder> list(WorkOrder.Status status, WorkOrder.Kind kind, boolean mine) {
        Caller caller = CallerContext.current();
        if (caller.isMember()) {
            return repository.workOrders(new SupportRepository.WorkOrderFilter(status, kind, null, null, null, caller.memberId()), 200);
        }
        Long store = caller.roles().stream().anyMatch(TENANT_WIDE::contains) ? null : caller.storeId();
        return repository.workOrders(new SupportRepository.WorkOrderFilter(status, kind, null, store, mine ? caller.staffId() : null, null), 200);
    }

    public List<WorkOrder.Event> history(long id) {
        get(id);
        return repository.events(id);
    }

    /** The caller takes it from the queue (someone of its role, or a manager). */
    public WorkOrder take(long id) {
        Caller staff = CallerContext.current();
        return act(id, "TAKEN", null, order -> {
            if (!staff.hasAnyRole(order.role(), "MANAGER", "TENANT_ADMIN")) {
                throw new DomainException(HttpStatus.FORBIDDEN, "WORK_ORDER_NOT_YOURS", "Work order " + id + " is in the " + order.role() + " queue");
            }
            requireStatus(order, WorkOrder.Status.OPEN, WorkOrder.Status.ASSIGNED);
            repository.updateWorkOrder(id, WorkOrder.Status.ASSIGNED, order.role(), staff.staffId(), order.dueAt(), order.escalations(), clock.instant());
            return WorkOrder.Status.ASSIGNED;
        });
    }

    public WorkOrder note(long id, String note) {
        return act(id, "NOTE", note, order -> order.status());
    }

    /** An inquiry or complaint answered. */
    public WorkOrder resolve(long id, String note) {
        return act(id, "RESOLVED", note, order -> {
            if (order.kind() == WorkOrder.Kind.RETURN) {
                throw new DomainException(HttpStatus.CONFLICT, "WORK_ORDER_STATE", "A RETURN is resolved by approving it (the refund) or rejected");
            }
            requireStatus(order, WorkOrder.Status.OPEN, WorkOrder.Status.ASSIGNED);
            finish(order, WorkOrder.Status.RESOLVED);
            return WorkOrder.Status.RESOLVED;
        });
    }

    public WorkOrder reject(long id, String note) {
        return act(id, "REJECTED", note, order -> {
            requireStatus(order, WorkOrder.Status.OPEN, WorkOrder.Status.ASSIGNED);
            finish(order, WorkOrder.Status.REJECTED);
            return WorkOrder.Status.REJECTED;
        });
    }

    /**
     * A RETURN approved: its refund number is fixed first (in the work order), then payment-service refunds under it; a
     * retried approval (payment-service was down) asks with the same number and gets the same refund.
     */
    public WorkOrder approve(long id, String note) {
        Caller staff = CallerContext.current();
        if (!staff.hasAnyRole("SERVICE_AGENT", "MANAGER", "TENANT_ADMIN")) {
            throw new DomainException(HttpStatus.FORBIDDEN, "FORBIDDEN", "Approving a return takes SERVICE_AGENT, MANAGER or TENANT_ADMIN");
        }
        String refundNo = tx.execute(t -> {
            WorkOrder order = lockVisible(id);
            if (order.kind() != WorkOrder.Kind.RETURN) {
                throw new DomainException(HttpStatus.CONFLICT, "WORK_ORDER_STATE", "Only a RETURN is approved");
            }
            boolean retry = order.status() == WorkOrder.Status.REFUNDING && !"SUCCEEDED".equals(order.refundStatus());
            if (!retry) {
                requireStatus(order, WorkOrder.Status.OPEN, WorkOrder.Status.ASSIGNED);
            }
            String number = order.refundNo() != null ? order.refundNo() : "RW" + HexFormat.of().withUpperCase().formatHex(randomBytes());
            repository.refundOf(id, number, "REQUESTED", null, null, List.of(), clock.instant());
            repository.updateWorkOrder(id, WorkOrder.Status.REFUNDING, order.role(), order.assigneeStaffId() != null ? order.assigneeStaffId()
                    : staff.staffId(), order.dueAt(), order.escalations(), clock.instant());
            repository.event(id, retry ? "REFUND_RETRIED" : "APPROVED", order.status(), WorkOrder.Status.REFUNDING, actor(staff), note, clock.instant());
            return number;
        });
        WorkOrder order = repository.workOrder(id).orElseThrow();
        ReturnRefunds.Outcome outcome;
        try {
            outcome = refunds.refund(refundNo, order.paymentNo(), order.orderNo(), order.amountFen(), "work order " + id, staff.staffId());
        } catch (RuntimeException e) {
            java.util.Optional<RemoteRejection> refused = RemoteRejection.in(e);
            tx.executeWithoutResult(t -> {
                if (refused.isPresent()) {
                    // payment-service refused it (nothing refunded under the number): back to the agent, with why
                    repository.refundOf(id, null, null, null, null, List.of(), clock.instant());
                    repository.updateWorkOrder(id, WorkOrder.Status.ASSIGNED, order.role(), order.assigneeStaffId(), order.dueAt(), order.escalations(),
                            clock.instant());
                    repository.event(id, "REFUND_REFUSED", WorkOrder.Status.REFUNDING, WorkOrder.Status.ASSIGNED, "payment-service",
                            refused.get().code() + ": " + refused.get().getMessage(), clock.instant());
                } else {
                    repository.refundOf(id, refundNo, "UNKNOWN", null, null, List.of(), clock.instant());
                    repository.event(id, "REFUND_UNKNOWN", WorkOrder.Status.REFUNDING, WorkOrder.Status.REFUNDING, "payment-service",
                            "payment-service could not be asked; approve again to retry under " + refundNo, clock.instant());
                }
            });
            if (refused.isPresent()) {
                throw new DomainException(HttpStatus.CONFLICT, "REFUND_REFUSED", "payment-service refused the refund: " + refused.get().getMessage());
            }
            throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "REFUND_UNAVAILABLE",
                    "payment-service could not be asked; the work order keeps refund " + refundNo + " and approving again retries it");
        }
        tx.executeWithoutResult(t -> {
            WorkOrder locked = repository.lockWorkOrder(id).orElseThrow();
            repository.refundOf(id, refundNo, outcome.status(), outcome.grossFen(), outcome.pointsReturned(), outcome.restoredCouponIds(), clock.instant());
            if ("SUCCEEDED".equals(outcome.status()) && locked.status() == WorkOrder.Status.REFUNDING) {
                resolveRefunded(repository.workOrder(id).orElseThrow(), "refund " + refundNo + " " + outcome.grossFen() + " fen, " + outcome.pointsReturned()
                        + " points back, coupons restored " + outcome.restoredCouponIds());
            }
        });
        return get(id);
    }

    /** payment-service's PaymentRefunded: a work order's refund that was still processing has succeeded. */
    public void refunded(String refundNo, long grossFen) {
        tx.executeWithoutResult(t -> repository.byRefundNo(refundNo).ifPresent(order -> {
            WorkOrder locked = repository.lockWorkOrder(order.id()).orElseThrow();
            if (locked.status() != WorkOrder.Status.REFUNDING) {
                return;
            }
            repository.refundOf(order.id(), refundNo, "SUCCEEDED", grossFen, locked.pointsReturned(), locked.restoredCouponIds(), clock.instant());
            resolveRefunded(locked, "refund " + refundNo + " succeeded at WeChat Pay");
        }));
    }

    private void resolveRefunded(WorkOrder order, String note) {
        repository.updateWorkOrder(order.id(), WorkOrder.Status.RESOLVED, order.role(), order.assigneeStaffId(), order.dueAt(), order.escalations(),
                clock.instant());
        repository.event(order.id(), "REFUNDED", WorkOrder.Status.REFUNDING, WorkOrder.Status.RESOLVED, "payment-service", note, clock.instant());
        published(order, WorkOrder.Status.RESOLVED);
    }

    private void finish(WorkOrder order, WorkOrder.Status to) {
        repository.updateWorkOrder(order.id(), to, order.role(), order.assigneeStaffId(), order.dueAt(), order.escalations(), clock.instant());
        published(order, to);
    }

    private void published(WorkOrder order, WorkOrder.Status to) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("workOrderId", order.id());
        event.put("kind", order.kind().name());
        event.put("outcome", to.name());
        event.put("memberId", order.memberId());
        event.put("storeId", order.storeId());
        event.put("refundNo", order.refundNo());
        event.put("at", clock.instant().toString());
        outbox.appendEnvelope(CallerContext.requireTenant(), "WorkOrderResolved", event);
    }

    private interface Step {
        WorkOrder.Status apply(WorkOrder order);
    }

    /** One action under the work order's row lock, with its history line. */
    private WorkOrder act(long id, String action, String note, Step step) {
        Caller caller = CallerContext.current();
        tx.executeWithoutResult(t -> {
            WorkOrder order = lockVisible(id);
            WorkOrder.Status to = step.apply(order);
            repository.event(id, action, order.status(), to, actor(caller), note, clock.instant());
        });
        return get(id);
    }

    private WorkOrder lockVisible(long id) {
        get(id);
        return repository.lockWorkOrder(id).orElseThrow(() -> DomainException.notFound("Work order", id));
    }

    private static void requireStatus(WorkOrder order, WorkOrder.Status... allowed) {
        if (!List.of(allowed).contains(order.status())) {
            throw new DomainException(HttpStatus.CONFLICT, "WORK_ORDER_STATE", "Work order " + order.id() + " is " + order.status());
        }
    }

    @Scheduled(fixedDelayString = "${siyu.touchpoint.work-order-interval:PT1M}", initialDelayString = "${siyu.touchpoint.work-order-initial-delay:PT30S}")
    @SchedulerLock(name = "touchpoint.work-orders", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1S")
    public void scheduled() {
        escalate(clock.instant());
    }

    /** Every tenant's work orders past their SLA go to the manager's queue, with a new SLA (half the route's); how many. */
    public int escalate(Instant now) {
        int[] escalated = {0};
        repository.overdue(now, 500).forEach((tenant, ids) -> CallerContext.runAs(Caller.system(tenant), () -> ids.forEach(id -> {
            try {
                tx.executeWithoutResult(t -> {
                    WorkOrder order = repository.lockWorkOrder(id).orElseThrow();
                    if (order.finished() || order.status() == WorkOrder.Status.REFUNDING || !order.dueAt().isBefore(now)) {
                        return;
                    }
                    long hours = Math.max(1, route(order.kind()).slaHours() / 2);
                    repository.updateWorkOrder(id, WorkOrder.Status.OPEN, "MANAGER", null, now.plus(Duration.ofHours(hours)), order.escalations() + 1, now);
                    repository.event(id, "ESCALATED", order.status(), WorkOrder.Status.OPEN, "sla", "past its SLA (due " + order.dueAt() + "): to MANAGER, due in "
                            + hours + " h", now);
                    escalated[0]++;
                });
            } catch (RuntimeException e) {
                log.warn("Escalating work order {} of tenant {} failed: {}", id, tenant, e.toString());
            }
        })));
        return escalated[0];
    }

    private static String actor(Caller caller) {
        return caller.isMember() ? "member:" + caller.memberId() : caller.staffId() != null ? "staff:" + caller.staffId() : "system";
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static DomainException invalid(String field, String problem) {
        return new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", field + " " + problem);
    }
}
