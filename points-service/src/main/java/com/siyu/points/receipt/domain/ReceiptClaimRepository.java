package com.siyu.points.receipt.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Receipt claims, quotas and rules of the tenant in context. */
public interface ReceiptClaimRepository {

    record NewClaim(long memberId, Long storeId, long merchantId, String receiptNo, long amountFen, LocalDate purchasedOn, String photoRef) {
    }

    Optional<ReceiptRules> rules();

    void saveRules(ReceiptRules rules);

    /**
     * Makes sure the member's counter row for {@code day} exists, in its own statement outside any transaction:
     * concurrent first claims then only queue on the row's lock in {@link #takeDailyQuota} instead of deadlocking
     * on a duplicate insert's shared lock.
     */
    void ensureDailyQuota(long memberId, LocalDate day);

    /** One more claim of the member on {@code day}, unless {@code limit} are already used; false when refused. */
    boolean takeDailyQuota(long memberId, LocalDate day, int limit);

    /** @throws ReceiptAlreadyClaimed when the counter's receipt already has an open claim */
    ReceiptClaim insert(NewClaim claim);

    Optional<ReceiptClaim> find(long id);

    /** PENDING → {@code to}, conditionally: false when the claim was no longer pending. */
    boolean review(long id, ReceiptClaim.Status to, Long approvedFen, String reason, long staffId, Instant at);

    void recordPoints(long id, long points);

    List<ReceiptClaim> ofMember(long memberId, Long before, int size);

    /** Newest first; {@code storeId} null for every store. */
    List<ReceiptClaim> list(ReceiptClaim.Status status, Long storeId, Long before, int size);
}
