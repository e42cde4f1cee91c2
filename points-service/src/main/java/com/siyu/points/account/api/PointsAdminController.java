package com.siyu.points.account.api;

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
import com.siyu.points.client.MemberClient;
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
    private final MemberClient members;

    PointsAdminController(PointsLedger ledger, Earnings earnings, MemberClient members) {
        this.ledger = ledger;
        this.earnings = earnings;
        this.members = members;
    }

    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    JournalEntryResponse adjust(@Valid @RequestBody AdjustmentRequest request,
                                @RequestHeader(SiyuHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        if (request.points() == 0) {
            throw new com.siyu.common.problem.DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "points must not be 0");
        }
        members.member(request.memberId());
        PointsChange change = new PointsChange(request.memberId(), request.points(), BizType.ADJUSTMENT,
                "adj:" + digest(staff.staffId() + ":" + idempotencyKey), request.storeId(), request.reason(), staff.staffId());
        JournalEntry entry = request.points() > 0
                ? ledger.credit(change, LotRepository.LotSource.of(request.storeId(), earnings.expiryOfCreditToday(), null))
                : ledger.debit(change, MovementKind.ADJUSTMENT);
        return JournalEntryResponse.of(entry);
    }

    @GetMapping("/accounts/{memberId}")
    AccountResponse account(@PathVariable long memberId) {
        StaffOnly.require();
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
