package com.siyu.points.account.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.points.account.domain.AccountState;
import com.siyu.points.account.domain.BizType;
import com.siyu.points.account.domain.Discrepancy;
import com.siyu.points.account.domain.JournalEntry;
import com.siyu.points.account.domain.PointsChange;
import com.siyu.points.account.domain.PointsRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisPointsRepository implements PointsRepository {

    private final AccountMapper accounts;
    private final JournalMapper journal;
    private final Clock clock;

    MybatisPointsRepository(AccountMapper accounts, JournalMapper journal, Clock clock) {
        this.accounts = accounts;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void ensureAccount(long memberId) {
        if (account(memberId).isPresent()) {
            return;
        }
        AccountRow row = new AccountRow();
        row.tenantId = CallerContext.requireTenant();
        row.memberId = memberId;
        row.balance = 0L;
        row.debt = 0L;
        row.createdAt = DbTime.now(clock);
        row.updatedAt = row.createdAt;
        try {
            accounts.insert(row);
        } catch (DuplicateKeyException createdConcurrently) {
            // the unique (tenant, member) key decided: the account exists now
        }
    }

    @Override
    public Optional<AccountState> account(long memberId) {
        return Optional.ofNullable(accounts.selectOne(new QueryWrapper<AccountRow>().eq("member_id", memberId)))
                .map(MybatisPointsRepository::toState);
    }

    @Override
    public Optional<AccountState> lockAccount(long memberId) {
        return Optional.ofNullable(accounts.lock(memberId)).map(MybatisPointsRepository::toState);
    }

    @Override
    public boolean applyDelta(long memberId, long delta) {
        return accounts.applyDelta(memberId, delta, DbTime.now(clock)) == 1;
    }

    @Override
    public boolean applyDebt(long memberId, long debtDelta) {
        return accounts.applyDebt(memberId, debtDelta, DbTime.now(clock)) == 1;
    }

    @Override
    public JournalEntry append(long accountId, PointsChange change, long balanceAfter) {
        JournalRow row = new JournalRow();
        row.tenantId = CallerContext.requireTenant();
        row.accountId = accountId;
        row.memberId = change.memberId();
        row.bizType = change.bizType().name();
        row.bizId = change.bizId();
        row.delta = change.delta();
        row.debtDelta = change.debtDelta();
        row.balanceAfter = balanceAfter;
        row.storeId = change.storeId();
        row.reason = change.reason();
        row.operatorStaffId = change.operatorStaffId();
        row.createdAt = DbTime.now(clock);
        journal.insert(row);
        return toEntry(row);
    }

    @Override
    public Optional<JournalEntry> findEntry(BizType bizType, String bizId) {
        return Optional.ofNullable(journal.selectOne(new QueryWrapper<JournalRow>()
                .eq("biz_type", bizType.name()).eq("biz_id", bizId))).map(MybatisPointsRepository::toEntry);
    }

    @Override
    public List<JournalEntry> history(long memberId, Long beforeId, int limit) {
        QueryWrapper<JournalRow> query = new QueryWrapper<JournalRow>().eq("member_id", memberId);
        if (beforeId != null) {
            query.lt("id", beforeId);
        }
        return journal.selectList(query.orderByDesc("id").last("limit " + Math.max(1, Math.min(limit, 200))))
                .stream().map(MybatisPointsRepository::toEntry).toList();
    }

    @Override
    public long earnedSince(long memberId, Instant since) {
        return journal.earnedSince(memberId, DbTime.of(since));
    }

    @Override
    public List<Discrepancy> discrepancies() {
        return accounts.discrepancies().stream()
                .map(row -> new Discrepancy(number(row, "memberId"), number(row, "balance"), number(row, "journalSum"),
                        number(row, "lotSum"), number(row, "debt"), number(row, "journalDebtSum")))
                .toList();
    }

    private static long number(Map<String, Object> row, String key) {
        Object value = row.get(key);
        if (value == null) {
            // MyBatis map keys follow the column labels; some drivers upper-case them
            value = row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).findFirst().orElse(0L);
        }
        return ((Number) value).longValue();
    }

    private static AccountState toState(AccountRow row) {
        return new AccountState(row.id, row.memberId, row.balance, row.debt);
    }

    private static JournalEntry toEntry(JournalRow row) {
        return new JournalEntry(row.id, row.memberId, BizType.valueOf(row.bizType), row.bizId, row.delta, row.debtDelta,
                row.balanceAfter, row.storeId, row.reason, row.operatorStaffId, DbTime.instant(row.createdAt));
    }
}
