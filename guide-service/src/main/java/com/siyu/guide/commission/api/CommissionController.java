package com.siyu.guide.commission.api;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.guide.client.References;
import com.siyu.guide.commission.domain.CommissionLine;
import com.siyu.guide.commission.domain.CommissionRepository;
import com.siyu.guide.commission.domain.CommissionRule;
import com.siyu.guide.commission.domain.Commissions;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.Roster;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Commission rules and the refund window (admins), settlement and payout batches (admins), a guide's own ledger. */
@RestController
@Validated
class CommissionController {

    private final Commissions commissions;
    private final Roster roster;
    private final References references;

    CommissionController(Commissions commissions, Roster roster, References references) {
        this.commissions = commissions;
        this.roster = roster;
        this.references = references;
    }

    /**
     * PERCENT: value in basis points (300 = 3 %) of what the shopper paid; FIXED: fen per order. At most one of
     * merchantId, category, campaign (a campaign's rule applies to orders through share links of that campaign).
     */
    record RuleRequest(@Positive Long merchantId, @Size(min = 1, max = 40) String category,
                       @Pattern(regexp = ShareLinkController.CAMPAIGN, message = "must be 1-40 letters, digits, '_' or '-'") String campaign,
                       @NotNull CommissionRule.Kind kind, @NotNull @Positive Long value, @Positive Long capFen) {
    }

    /** Either may be left out (kept as it is). */
    record PolicyRequest(@Min(0) @Max(90) Integer refundWindowDays, @Min(1) @Max(90) Integer linkAttributionDays) {
    }

    record LineResponse(long id, long memberId, String orderNo, String kind, long baseFen, long amountFen, String status, Instant settleAfter,
                        Long payoutId, Instant createdAt) {
        static LineResponse of(CommissionLine l) {
            return new LineResponse(l.id(), l.memberId(), l.orderNo(), l.kind(), l.baseFen(), l.amountFen(), l.status(), l.settleAfter(),
                    l.payoutId(), l.createdAt());
        }
    }

    record MyCommission(long guideId, Map<String, Long> totalsFen, List<LineResponse> lines) {
    }

    @GetMapping("/admin/v1/guide/commission-rules")
    List<CommissionRule> rules() {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER");
        return commissions.rules();
    }

    @PostMapping("/admin/v1/guide/commission-rules")
    ResponseEntity<Map<String, Object>> addRule(@Valid @RequestBody RuleRequest request) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        if (Stream.of(request.merchantId(), request.category(), request.campaign()).filter(Objects::nonNull).count() > 1) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "A rule is for one counter, one category or one campaign, not several");
        }
        references.merchant("merchantId", request.merchantId());
        long id = commissions.addRule(request.merchantId(), request.category(), request.campaign(), request.kind(), request.value(),
                request.capFen());
        return ResponseEntity.created(URI.create("/admin/v1/guide/commission-rules/" + id)).body(Map.of("id", id));
    }

    @DeleteMapping("/admin/v1/guide/commission-rules/{id}")
    ResponseEntity<Void> deactivate(@PathVariable long id) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        commissions.deactivateRule(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/admin/v1/guide/commission-policy")
    CommissionRepository.Policy policy() {
        StaffOnly.require();
        return commissions.policy();
    }

    @PutMapping("/admin/v1/guide/commission-policy")
    CommissionRepository.Policy setPolicy(@Valid @RequestBody PolicyRequest request) {
        StaffOnly.require("TENANT_ADMIN");
        return commissions.setPolicy(request.refundWindowDays(), request.linkAttributionDays());
    }

    /** Settles now what is due (the job does it every 10 minutes for every tenant). */
    @PostMapping("/admin/v1/guide/commission/settlement-runs")
    Map<String, Integer> settle() {
        StaffOnly.require("TENANT_ADMIN");
        return Map.of("settled", commissions.settleDue());
    }

    @PostMapping("/admin/v1/guide/commission/payouts")
    ResponseEntity<Map<String, Object>> payout() {
        Caller staff = StaffOnly.require("TENANT_ADMIN");
        long id = commissions.payout(staff.staffId());
        return ResponseEntity.created(URI.create("/admin/v1/guide/commission/payouts/" + id)).body(commissions.payoutSummary(id));
    }

    @GetMapping("/admin/v1/guide/commission/payouts/{id}")
    Map<String, Object> payoutOf(@PathVariable long id) {
        StaffOnly.require("TENANT_ADMIN", "MANAGER");
        return Map.of("payout", commissions.payoutSummary(id), "guides", commissions.payoutGuides(id));
    }

    /** The payout for payroll: one line per guide (guide id, staff id, name, fen). */
    @GetMapping(path = "/admin/v1/guide/commission/payouts/{id}/export", produces = "text/csv")
    ResponseEntity<String> export(@PathVariable long id) {
        StaffOnly.require("TENANT_ADMIN");
        StringBuilder csv = new StringBuilder("guide_id,staff_id,name,total_fen,lines\n");
        for (Map<String, Object> guide : commissions.payoutGuides(id)) {
            String name = String.valueOf(guide.get("name")).replace("\"", "\"\"");
            csv.append(guide.get("guideId")).append(',').append(guide.get("staffId") == null ? "" : guide.get("staffId")).append(",\"")
                    .append(name).append("\",").append(guide.get("totalFen")).append(',').append(guide.get("lineCount")).append('\n');
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"payout-" + id + ".csv\"").body(csv.toString());
    }

    /** The signed-in guide's commission: totals by status and the latest lines. */
    @GetMapping("/admin/v1/guide/me/commission")
    MyCommission mine(@RequestParam(required = false) @Pattern(regexp = "PENDING|SETTLED|PAID") String status,
                      @RequestParam(defaultValue = "0") @PositiveOrZero long before, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Guide guide = roster.ofStaff(StaffOnly.require("GUIDE").staffId());
        return new MyCommission(guide.id(), commissions.totalsOf(guide.id()),
                commissions.linesOf(guide.id(), status, before, limit).stream().map(LineResponse::of).toList());
    }
}
