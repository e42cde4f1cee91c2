package com.siyu.points.account.api;

import com.siyu.points.adjustment.domain.Adjustments;
import org.springframework.http.ResponseEntity;

import com.siyu.common.context.Caller;
import com.siyu.common.context.SiyuHeaders;
import com.siyu.common.web.StaffOnly;
import com.siyu.points.account.domain.BizType;
import com.siyu.points.account.domain.Discrepancy;
import com.siyu.points.account.domain.JournalEntry;
import com.siyu.points.account.domain.LotRepository;
import com.siyu.points.account.domain.MovementKind;
import com.siyu.points.earning.domain.Earnings;
import com.siyu.points.account.domain.PointsChange;
import com.siyu.points.account.domain.PointsLedger;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/v1/points")
class PointsAdminController {

    private final PointsLedger ledger;
    private final Earnings earnings;
    private final com.siyu.points.client.References references;
    private final Adjustments adjustments;

    PointsAdminController(PointsLedger ledger, Earnings earnings, com.siyu.points.client.References references, Adjustments adjustments) {
        this.ledger = ledger;
        this.earnings = earnings;
        this.references = references;
        this.adjustments = adjustments;
    }

    /** 201 with the journal line; above the approval threshold 202 with the request a manager must approve. */
    @PostMapping("/adjustments")
    ResponseEntity<Object> adjust(@Valid @RequestBody AdjustmentRequest request,
                                  @RequestHeader(SiyuHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        if (request.points() == 0) {
            throw new com.siyu.common.problem.DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "points must not be 0");
        }
        references.member("memberId", request.memberId());
        // a lot issued by another tenant's store would corrupt both tenants' settlement
        references.store("storeId", request.storeId());
        Adjustments.Outcome outcome = adjustments.adjust(request.memberId(), request.points(), request.reason(), request.storeId(),
                staff.staffId(), "adj:" + digest(staff.staffId() + ":" + idempotencyKey));
        if (outcome.pending() != null) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(outcome.pending());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(JournalEntryResponse.of(outcome.applied()));
    }

    @GetMapping("/accounts/{memberId}")
    AccountResponse account(@PathVariable long memberId) {
        StaffOnly.require();
        references.memberFound(memberId);
        return AccountResponse.of(ledger.account(memberId));
    }

    /** One journal line by its business key, with the lots it moved (for a spend: which stores' points paid). */
    @GetMapping("/changes/{bizType}/{bizId}")
    ChangeResponse change(@PathVariable BizType bizType, @PathVariable String bizId) {
        StaffOnly.require();
        JournalEntry entry = ledger.entry(bizType, bizId);
        return new ChangeResponse(JournalEntryResponse.of(entry), ledger.movements(entry.id()).stream().map(ChangeResponse.Movement::of).toList());
    }

    /** Proves sum(journal) = sum(lot remaining) = balance for every account of the tenant; lists any that differ. */
    @GetMapping("/reconciliation")
    ReconciliationResponse reconcile() {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER");
        List<Discrepancy> discrepancies = ledger.reconcile();
        return new ReconciliationResponse(discrepancies.isEmpty(), discrepancies);
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
