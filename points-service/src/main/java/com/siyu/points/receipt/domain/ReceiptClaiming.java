package com.siyu.points.receipt.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.points.client.DirectoryClient;
import com.siyu.points.client.TenantZones;
import com.siyu.points.earning.domain.PosSales;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 拍小票积分. A shopper submits a counter's receipt (number, amount, purchase day, a photo reference);
 * customer service approves or rejects it; an approved receipt earns by the tenant's rules in force at
 * approval, through the same once-per-receipt-per-counter earning as the counter's POS, so a receipt
 * earns once whichever way it arrives. Limits: the tenant's {@link ReceiptRules}.
 */
@Service
public class ReceiptClaiming {

    public record Submission(long merchantId, String receiptNo, long amountFen, LocalDate purchasedOn, String photoRef) {
    }

    private static final String[] REVIEWERS = {"SERVICE_AGENT", "MANAGER", "OPERATOR", "TENANT_ADMIN"};

    private final ReceiptClaimRepository claims;
    private final PosSales sales;
    private final TenantZones zones;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ReceiptClaiming(ReceiptClaimRepository claims, PosSales sales, TenantZones zones, PlatformTransactionManager transactionManager,
                           Clock clock) {
        this.claims = claims;
        this.sales = sales;
        this.zones = zones;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public static String[] reviewers() {
        return REVIEWERS.clone();
    }

    public ReceiptRules rules() {
        return claims.rules().orElse(ReceiptRules.DEFAULT);
    }

    public void saveRules(ReceiptRules rules) {
        claims.saveRules(rules);
    }

    public ReceiptClaim submit(long memberId, Submission s) {
        DirectoryClient.Merchant counter = sales.counter("merchantId", s.merchantId());
        ReceiptRules rules = rules();
        if (s.amountFen() > rules.maxAmountFen()) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "RECEIPT_OVER_LIMIT",
                    "Receipts above " + rules.maxAmountFen() + " fen are claimed at the service desk, not by photo");
        }
        LocalDate today = LocalDate.now(clock.withZone(zones.zone()));
        if (s.purchasedOn().isAfter(today)) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "RECEIPT_DATE_INVALID", "purchasedOn is after today (" + today + ")");
        }
        if (s.purchasedOn().isBefore(today.minusDays(rules.maxAgeDays()))) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "RECEIPT_TOO_OLD",
                    "Receipts can be claimed up to " + rules.maxAgeDays() + " days after the purchase");
        }
        if (sales.recorded(s.merchantId(), s.receiptNo())) {
            throw new DomainException(HttpStatus.CONFLICT, "RECEIPT_ALREADY_RECORDED",
                    "Receipt " + s.receiptNo() + " of this counter already earned points");
        }
        claims.ensureDailyQuota(memberId, today);
        return transactions.execute(tx -> {
            if (!claims.takeDailyQuota(memberId, today, rules.dailyClaims())) {
                throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "RECEIPT_DAILY_LIMIT",
                        "A member can submit " + rules.dailyClaims() + " receipt claims a day; try again tomorrow");
            }
            // a duplicate receipt throws here and the quota taken above rolls back with it
            return claims.insert(new ReceiptClaimRepository.NewClaim(memberId, counter.storeId(), s.merchantId(), s.receiptNo(),
                    s.amountFen(), s.purchasedOn(), s.photoRef()));
        });
    }

    public List<ReceiptClaim> ofMember(long memberId, Long before, int size) {
        return claims.ofMember(memberId, before, size);
    }

    /** A claim a store-bound reviewer sees only in their store (404 otherwise). */
    public ReceiptClaim get(Caller staff, long id) {
        ReceiptClaim claim = claims.find(id).orElseThrow(() -> DomainException.notFound("Receipt claim", id));
        if (staff.storeId() != null && !staff.storeId().equals(claim.storeId())) {
            throw DomainException.notFound("Receipt claim", id);
        }
        return claim;
    }

    public List<ReceiptClaim> list(Caller staff, ReceiptClaim.Status status, Long before, int size) {
        return claims.list(status, staff.storeId(), before, size);
    }

    /**
     * Approves a pending claim and credits the member; approving an approved claim again replays the
     * credit (so a retry after a failure between the two finishes it) and returns the claim.
     *
     * @param amountFen the amount customer service read from the photo; null to take the shopper's, never more than it
     */
    public ReceiptClaim approve(Caller staff, long id, Long amountFen) {
        ReceiptClaim claim = get(staff, id);
        if (claim.status() == ReceiptClaim.Status.REJECTED) {
            throw new ClaimAlreadyReviewed(id, claim.status());
        }
        if (amountFen != null && amountFen > claim.amountFen()) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "APPROVED_AMOUNT_TOO_HIGH",
                    "The approved amount cannot exceed the claimed " + claim.amountFen() + " fen");
        }
        DirectoryClient.Merchant counter = sales.counter("merchantId", claim.merchantId());
        transactions.executeWithoutResult(tx -> {
            long approved = claim.status() == ReceiptClaim.Status.APPROVED ? claim.approvedFen()
                    : amountFen != null ? amountFen : claim.amountFen();
            if (claim.status() == ReceiptClaim.Status.PENDING
                    && !claims.review(id, ReceiptClaim.Status.APPROVED, approved, null, staff.staffId(), clock.instant())) {
                ReceiptClaim now = claims.find(id).orElseThrow();
                if (now.status() != ReceiptClaim.Status.APPROVED) {
                    throw new ClaimAlreadyReviewed(id, now.status());
                }
                approved = now.approvedFen();
            }
            PosSales.Recorded recorded = sales.credit(claim.memberId(), counter, claim.receiptNo(), approved, null);
            claims.recordPoints(id, recorded.earned().points());
        });
        return claims.find(id).orElseThrow();
    }

    /** Rejects a pending claim (its receipt may be claimed again); rejecting a rejected claim returns it unchanged. */
    public ReceiptClaim reject(Caller staff, long id, String reason) {
        if (get(staff, id).status() == ReceiptClaim.Status.PENDING) {
            claims.review(id, ReceiptClaim.Status.REJECTED, null, reason, staff.staffId(), clock.instant());
        }
        ReceiptClaim claim = claims.find(id).orElseThrow();
        if (claim.status() == ReceiptClaim.Status.APPROVED) {
            throw new ClaimAlreadyReviewed(id, claim.status());
        }
        return claim;
    }
}
