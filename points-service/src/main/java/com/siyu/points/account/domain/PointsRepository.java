package com.siyu.points.account.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence of accounts and the journal (implemented in infra); all calls act on the tenant in context. */
public interface PointsRepository {

    /** Creates the member's account with a zero balance if it does not exist yet. */
    void ensureAccount(long memberId);

    Optional<AccountState> account(long memberId);

    /** Locks the member's balance row for the rest of the transaction ({@code select ... for update}). */
    Optional<AccountState> lockAccount(long memberId);

    /** {@code balance = balance + delta} only if the result stays non-negative; false when it would not (or no account). */
    boolean applyDelta(long memberId, long delta);

    /** {@code debt = debt + debtDelta} only if the result stays non-negative. */
    boolean applyDebt(long memberId, long debtDelta);

    /** Appends the journal line; throws {@link org.springframework.dao.DuplicateKeyException} when the business id was applied already. */
    JournalEntry append(long accountId, PointsChange change, long balanceAfter);

    Optional<JournalEntry> findEntry(BizType bizType, String bizId);

    /** The member's journal, newest first, lines older than {@code beforeId} (all when null). */
    List<JournalEntry> history(long memberId, Long beforeId, int limit);

    /** Points the member earned (EARN lines, including what paid off debt) since {@code since}. */
    long earnedSince(long memberId, Instant since);

    /** Accounts where balance, sum(journal), sum(lot remaining), debt and sum(journal debt) do not all agree. */
    List<Discrepancy> discrepancies();
}
