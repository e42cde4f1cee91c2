package com.siyu.points.account.domain;

import java.util.List;
import java.util.Optional;

/** Persistence of accounts and the journal (implemented in infra); all calls act on the tenant in context. */
public interface PointsRepository {

    /** Creates the member's account with a zero balance if it does not exist yet. */
    void ensureAccount(long memberId);

    /** {@code balance = balance + delta} only if the result stays non-negative; false when it would not (or no account). */
    boolean applyDelta(long memberId, long delta);

    long balance(long memberId);

    Optional<Long> accountId(long memberId);

    /** Appends the journal line; throws {@link org.springframework.dao.DuplicateKeyException} when the business id was applied already. */
    JournalEntry append(long accountId, PointsChange change, long balanceAfter);

    Optional<JournalEntry> findEntry(BizType bizType, String bizId);

    List<JournalEntry> recent(long memberId, int limit);

    List<Discrepancy> discrepancies();
}
