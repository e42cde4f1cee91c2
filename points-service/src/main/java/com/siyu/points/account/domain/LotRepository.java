package com.siyu.points.account.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Lots and their movement lines (implemented in infra); all calls act on the tenant in context. */
public interface LotRepository {

    long insert(long accountId, long memberId, long journalId, LotSource source, long points, long earnedPoints);

    /** The member's lots with points left. */
    List<Lot> open(long memberId);

    List<Lot> all(long memberId, int limit);

    Optional<Lot> find(long lotId);

    /** The lot credited by the EARN of payment {@code sourceBizId}. */
    Optional<Lot> earnedBy(long memberId, String sourceBizId);

    /** {@code remaining = remaining - points} only if enough remain. */
    boolean take(long lotId, long points);

    /** {@code remaining = remaining + points} only if the lot does not exceed what it was issued with. */
    boolean giveBack(long lotId, long points);

    /** Adds a refund to an earned lot only if refunds stay within what was paid. */
    boolean recordRefund(long lotId, long refundFen, long reversedPoints);

    void appendMovements(long journalId, long memberId, MovementKind kind, Long consumingStoreId, List<LotTake> takes);

    /** The lots a journal line took points from (net of what it gave back). */
    List<LotTake> movementsOf(long journalId);

    /** Lines of one journal line, as stored. */
    List<Movement> movementLines(long journalId);

    record Movement(long lotId, MovementKind kind, Long issuingStoreId, Long consumingStoreId, long points) {
    }

    /** Where a new lot comes from: issuing store/merchant, expiry, and for earned lots the paid amount. */
    record LotSource(Long issuingStoreId, Long merchantId, LocalDate expiresOn, String sourceBizId, long amountFen) {

        public static LotSource of(Long storeId, LocalDate expiresOn, String bizId) {
            return new LotSource(storeId, null, expiresOn, bizId, 0);
        }
    }
}
