package com.siyu.points.account.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.points.account.domain.BizType;
import com.siyu.points.account.domain.Discrepancy;
import com.siyu.points.account.domain.JournalEntry;
import com.siyu.points.account.domain.PointsChange;
import com.siyu.points.account.domain.PointsRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
        if (accountId(memberId).isPresent()) {
            return;
        }
        AccountRow row = new AccountRow();
        row.tenantId = CallerContext.requireTenant();
        row.memberId = memberId;
        row.balance = 0L;
        row.createdAt = now();
        row.updatedAt = row.createdAt;
        try {
            accounts.insert(row);
        } catch (DuplicateKeyException createdConcurrently) {
            // the unique (tenant, member) key decided: the account exists now
        }
    }

    @Override
    public boolean applyDelta(long memberId, long delta) {
        return accounts.applyDelta(memberId, delta, now()) == 1;
    }

    @Override
    public long balance(long memberId) {
        return account(memberId).map(row -> row.balance).orElse(0L);
    }

    @Override
    public Optional<Long> accountId(long memberId) {
        return account(memberId).map(row -> row.id);
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
        row.balanceAfter = balanceAfter;
        row.storeId = change.storeId();
        row.reason = change.reason();
        row.operatorStaffId = change.operatorStaffId();
        row.createdAt = now();
        journal.insert(row);
        return toEntry(row);
    }

    @Override
    public Optional<JournalEntry> findEntry(BizType bizType, String bizId) {
        return Optional.ofNullable(journal.selectOne(new QueryWrapper<JournalRow>()
                .eq("biz_type", bizType.name()).eq("biz_id", bizId))).map(MybatisPointsRepository::toEntry);
    }

    @Override
    public List<JournalEntry> recent(long memberId, int limit) {
        return journal.selectList(new QueryWrapper<JournalRow>().eq("member_id", memberId).orderByDesc("id").last("limit " + limit))
                .stream().map(MybatisPointsRepository::toEntry).toList();
    }

    @Override
    public List<Discrepancy> discrepancies() {
        return accounts.discrepancies().stream()
                .map(row -> new Discrepancy(((Number) row.get("memberId")).longValue(), ((Number) row.get("balance")).longValue(),
                        ((Number) row.get("journalSum")).longValue()))
                .toList();
    }

    private Optional<AccountRow> account(long memberId) {
        return Optional.ofNullable(accounts.selectOne(new QueryWrapper<AccountRow>().eq("member_id", memberId)));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static JournalEntry toEntry(JournalRow row) {
        return new JournalEntry(row.id, row.memberId, BizType.valueOf(row.bizType), row.bizId, row.delta, row.balanceAfter,
                row.storeId, row.reason, row.createdAt.toInstant(ZoneOffset.UTC));
    }
}
