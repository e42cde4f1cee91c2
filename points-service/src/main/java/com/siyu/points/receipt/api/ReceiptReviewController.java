package com.siyu.points.receipt.api;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.points.receipt.domain.ReceiptClaim;
import com.siyu.points.receipt.domain.ReceiptClaiming;
import com.siyu.points.receipt.domain.ReceiptRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customer service reviews receipt claims; operators set the tenant's claim limits. */
@RestController
@Validated
@RequestMapping("/admin/v1/points")
class ReceiptReviewController {

    private static final String[] EDITORS = {"TENANT_ADMIN", "OPERATOR"};

    private final ReceiptClaiming claiming;

    ReceiptReviewController(ReceiptClaiming claiming) {
        this.claiming = claiming;
    }

    record ApprovalRequest(@Positive @Max(100_000_000_000L) Long amountFen) {
    }

    record RejectionRequest(@NotBlank @Size(max = 200) String reason) {
    }

    record ReceiptRulesRequest(@NotNull @Positive @Max(100_000_000_000L) Long maxAmountFen,
                               @NotNull @Min(0) @Max(365) Integer maxAgeDays,
                               @NotNull @Min(1) @Max(100) Integer dailyClaims) {
    }

    /** Newest first, optionally by status; a store-bound reviewer sees their store's claims only. */
    @GetMapping("/receipt-claims")
    List<ReceiptClaimResponse> list(@RequestParam(required = false) ReceiptClaim.Status status,
                                    @RequestParam(required = false) @Positive Long before,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Caller staff = StaffOnly.require(ReceiptClaiming.reviewers());
        return claiming.list(staff, status, before, size).stream().map(ReceiptClaimResponse::of).toList();
    }

    @GetMapping("/receipt-claims/{id}")
    ReceiptClaimResponse get(@PathVariable long id) {
        return ReceiptClaimResponse.of(claiming.get(StaffOnly.require(ReceiptClaiming.reviewers()), id));
    }

    /** Approves (optionally for a lower amount read from the photo) and credits the member once. */
    @PostMapping("/receipt-claims/{id}/approval")
    ReceiptClaimResponse approve(@PathVariable long id, @Valid @RequestBody ApprovalRequest request) {
        Caller staff = StaffOnly.require(ReceiptClaiming.reviewers());
        return ReceiptClaimResponse.of(claiming.approve(staff, id, request.amountFen()));
    }

    @PostMapping("/receipt-claims/{id}/rejection")
    ReceiptClaimResponse reject(@PathVariable long id, @Valid @RequestBody RejectionRequest request) {
        Caller staff = StaffOnly.require(ReceiptClaiming.reviewers());
        return ReceiptClaimResponse.of(claiming.reject(staff, id, request.reason()));
    }

    @GetMapping("/receipt-rules")
    ReceiptRules rules() {
        StaffOnly.require();
        return claiming.rules();
    }

    @PutMapping("/receipt-rules")
    ReceiptRules saveRules(@Valid @RequestBody ReceiptRulesRequest r) {
        StaffOnly.require(EDITORS);
        ReceiptRules rules;
        try {
            rules = new ReceiptRules(r.maxAmountFen(), r.maxAgeDays(), r.dailyClaims());
        } catch (IllegalArgumentException e) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", e.getMessage());
        }
        claiming.saveRules(rules);
        return rules;
    }
}
