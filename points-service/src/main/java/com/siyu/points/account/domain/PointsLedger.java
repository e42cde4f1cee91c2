package com.siyu.points.account.domain;

import com.siyu.common.problem.DomainException;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The points ledger. A change is one conditional balance update plus one journal line in one local
 * transaction (which is a Seata AT branch when it runs inside a global transaction). No
 * read-check-write: the database decides whether the balance suffices and whether the business id
 * was seen before.
 */
@Service
public class PointsLedger {

    private final PointsRepository points;
    private final TransactionTemplate tx;

    public PointsLedger(PointsRepository points, TransactionTemplate tx) {
        this.points = points;
        this.tx = tx;
    }

    /**
     * Applies the change once. A repeat of the same business event returns the first result without
     * changing anything, also when the repeats race each other.
     */
    public JournalEntry apply(PointsChange change) {
        var first = points.findEntry(change.bizType(), change.bizId());
        if (first.isPresent()) {
            return first.get();
        }
        try {
            return tx.execute(status -> applyOnce(change));
        } catch (DuplicateKeyException raced) {
            // a concurrent delivery of the same event won; ours rolled back entirely
            return points.findEntry(change.bizType(), change.bizId()).orElseThrow(() -> raced);
        }
    }

    private JournalEntry applyOnce(PointsChange change) {
        if (change.delta() > 0) {
            points.ensureAccount(change.memberId());
        }
        if (!points.applyDelta(change.memberId(), change.delta())) {
            long available = points.accountId(change.memberId()).isPresent() ? points.balance(change.memberId()) : 0;
            throw new PointsInsufficient(-change.delta(), available);
        }
        long accountId = points.accountId(change.memberId()).orElseThrow();
        return points.append(accountId, change, points.balance(change.memberId()));
    }

    public Account account(long memberId) {
        if (points.accountId(memberId).isEmpty()) {
            return new Account(memberId, 0, List.of());
        }
        return new Account(memberId, points.balance(memberId), points.recent(memberId, 20));
    }

    public JournalEntry entry(BizType type, String bizId) {
        return points.findEntry(type, bizId).orElseThrow(() -> DomainException.notFound("Points change", bizId));
    }

    /** Accounts whose balance differs from the sum of their journal: must always be empty. */
    public List<Discrepancy> reconcile() {
        return points.discrepancies();
    }
}
