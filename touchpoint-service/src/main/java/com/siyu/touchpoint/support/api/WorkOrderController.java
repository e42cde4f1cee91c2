package com.siyu.touchpoint.support.api;

import com.siyu.common.context.CallerContext;
import com.siyu.common.web.MemberOnly;
import com.siyu.common.web.StaffOnly;
import com.siyu.touchpoint.support.domain.WorkOrder;
import com.siyu.touchpoint.support.domain.WorkOrders;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Work orders: staff and shoppers open them; staff take, note, resolve, reject and approve (returns); the routing per kind. */
@RestController
@Validated
class WorkOrderController {

    private static final String[] STAFF = {"SERVICE_AGENT", "MANAGER", "TENANT_ADMIN", "GUIDE", "CASHIER"};

    private final WorkOrders workOrders;

    WorkOrderController(WorkOrders workOrders) {
        this.workOrders = workOrders;
    }

    record StaffRequest(@NotNull WorkOrder.Kind kind, @NotNull @Positive Long memberId, @Positive Long conversationId, @Positive Long storeId,
                        @NotBlank @Size(max = 80) String title, @Size(max = 1000) String detail,
                        @Pattern(regexp = "[A-Za-z0-9\\-]{1,40}") String paymentNo, @Pattern(regexp = "[A-Za-z0-9\\-]{1,40}") String orderNo,
                        @Positive @Max(100_000_000_000L) Long amountFen) {
    }

    @PostMapping("/admin/v1/touchpoint/work-orders")
    ResponseEntity<WorkOrder> open(@Valid @RequestBody StaffRequest r) {
        StaffOnly.require(STAFF);
        return created(workOrders.open(new WorkOrders.NewWorkOrder(r.kind(), r.memberId(), r.conversationId(), r.storeId(), r.title(), r.detail(),
                r.paymentNo(), r.orderNo(), r.amountFen())));
    }

    /** A shopper's complaint or return request (of a shop order of their own payment). */
    record ShopperRequest(@NotNull WorkOrder.Kind kind, @NotBlank @Size(max = 80) String title, @Size(max = 1000) String detail,
                          @Pattern(regexp = "[A-Za-z0-9\\-]{1,40}") String paymentNo, @Pattern(regexp = "[A-Za-z0-9\\-]{1,40}") String orderNo,
                          @Positive @Max(100_000_000_000L) Long amountFen) {
    }

    @PostMapping("/api/v1/touchpoint/work-orders")
    ResponseEntity<WorkOrder> shopperOpens(@Valid @RequestBody ShopperRequest r) {
        MemberOnly.require();
        if (r.kind() == WorkOrder.Kind.INQUIRY) {
            throw new com.siyu.common.problem.DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    "kind is COMPLAINT or RETURN for a shopper; questions go to customer service chat");
        }
        return created(workOrders.open(new WorkOrders.NewWorkOrder(r.kind(), null, null, null, r.title(), r.detail(), r.paymentNo(), r.orderNo(),
                r.amountFen())));
    }

    private static ResponseEntity<WorkOrder> created(WorkOrder order) {
        return ResponseEntity.created(URI.create("/admin/v1/touchpoint/work-orders/" + order.id())).body(order);
    }

    @GetMapping("/api/v1/touchpoint/work-orders")
    List<WorkOrder> mine() {
        MemberOnly.require();
        return workOrders.list(null, null, false);
    }

    @GetMapping("/api/v1/touchpoint/work-orders/{id}")
    Map<String, Object> shoppersOne(@PathVariable long id) {
        MemberOnly.require();
        return Map.of("workOrder", workOrders.get(id), "history", workOrders.history(id));
    }

    /** mine: only those the caller took. */
    @GetMapping("/admin/v1/touchpoint/work-orders")
    List<WorkOrder> list(@RequestParam(required = false) WorkOrder.Status status, @RequestParam(required = false) WorkOrder.Kind kind,
                         @RequestParam(defaultValue = "false") boolean mine) {
        StaffOnly.require(STAFF);
        return workOrders.list(status, kind, mine);
    }

    @GetMapping("/admin/v1/touchpoint/work-orders/{id}")
    Map<String, Object> one(@PathVariable long id) {
        StaffOnly.require(STAFF);
        return Map.of("workOrder", workOrders.get(id), "history", workOrders.history(id));
    }

    record NoteRequest(@Size(max = 1000) String note) {
    }

    @PostMapping("/admin/v1/touchpoint/work-orders/{id}/assignment")
    WorkOrder take(@PathVariable long id) {
        StaffOnly.require(STAFF);
        return workOrders.take(id);
    }

    @PostMapping("/admin/v1/touchpoint/work-orders/{id}/notes")
    WorkOrder note(@PathVariable long id, @Valid @RequestBody NoteRequest r) {
        StaffOnly.require(STAFF);
        if (r.note() == null || r.note().isBlank()) {
            throw new com.siyu.common.problem.DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "note must not be blank");
        }
        return workOrders.note(id, r.note());
    }

    @PostMapping("/admin/v1/touchpoint/work-orders/{id}/resolution")
    WorkOrder resolve(@PathVariable long id, @Valid @RequestBody NoteRequest r) {
        StaffOnly.require(STAFF);
        return workOrders.resolve(id, r.note());
    }

    @PostMapping("/admin/v1/touchpoint/work-orders/{id}/rejection")
    WorkOrder reject(@PathVariable long id, @Valid @RequestBody NoteRequest r) {
        StaffOnly.require("SERVICE_AGENT", "MANAGER", "TENANT_ADMIN");
        return workOrders.reject(id, r.note());
    }

    /** A RETURN approved: payment-service refunds the shop order (points and coupons come back with it). */
    @PostMapping("/admin/v1/touchpoint/work-orders/{id}/approval")
    WorkOrder approve(@PathVariable long id, @Valid @RequestBody NoteRequest r) {
        StaffOnly.require("SERVICE_AGENT", "MANAGER", "TENANT_ADMIN");
        return workOrders.approve(id, r.note());
    }

    record RouteRequest(@NotNull @Pattern(regexp = "SERVICE_AGENT|MANAGER|GUIDE|CASHIER") String role, @NotNull @Min(1) @Max(720) Integer slaHours) {
    }

    @PutMapping("/admin/v1/touchpoint/work-order-routes/{kind}")
    WorkOrder.Route setRoute(@PathVariable WorkOrder.Kind kind, @Valid @RequestBody RouteRequest r) {
        StaffOnly.require("TENANT_ADMIN", "MANAGER");
        return workOrders.setRoute(new WorkOrder.Route(kind, r.role(), r.slaHours()));
    }

    @GetMapping("/admin/v1/touchpoint/work-order-routes/{kind}")
    WorkOrder.Route route(@PathVariable WorkOrder.Kind kind) {
        StaffOnly.require(STAFF);
        CallerContext.requireTenant();
        return workOrders.route(kind);
    }
}
