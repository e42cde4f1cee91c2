package com.siyu.points.receipt.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.points.account.infra.DbTime;
import com.siyu.points.receipt.domain.ReceiptAlreadyClaimed;
import com.siyu.points.receipt.domain.ReceiptClaim;
import com.siyu.points.receipt.domain.ReceiptClaimRepository;
import com.siyu.points.receipt.domain.ReceiptRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisReceiptClaims implements ReceiptClaimRepository {

    private final ReceiptClaimMapper claims;
    private final ReceiptQuotaMapper quotas;
    private final ReceiptRulesMapper rules;
    private final Clock clock;

    MybatisReceiptClaims(ReceiptClaimMapper claims, ReceiptQuotaMapper quotas, ReceiptRulesMapper rules, Clock clock) {
        this.claims = claims;
        this.quotas = quotas;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public Optional<ReceiptRules> rules() {
        return Optional.ofNullable(rules.selectOne(new QueryWrapper<>()))
                .map(row -> new ReceiptRules(row.maxAmountFen, row.maxAgeDays, row.dailyClaims));
    }

    @Override
    public void saveRules(ReceiptRules value) {
        ReceiptRulesRow row = rules.selectOne(new QueryWrapper<>());
        boolean fresh = row == null;
        if (fresh) {
            row = new ReceiptRulesRow();
            row.tenantId = CallerContext.requireTenant();
        }
        row.maxAmountFen = value.maxAmountFen();
        row.maxAgeDays = value.maxAgeDays();
        row.dailyClaims = value.dailyClaims();
        row.updatedAt = DbTime.now(clock);
        if (fresh) {
            try {
                rules.insert(row);
                return;
            } catch (DuplicateKeyException concurrent) {
                row.id = rules.selectOne(new QueryWrapper<>()).id;
            }
        }
        rules.updateById(row);
    }

    @Override
    public void ensureDailyQuota(long memberId, LocalDate day) {
        quotas.ensure(CallerContext.requireTenant(), memberId, day);
    }

    @Override
    public boolean takeDailyQuota(long memberId, LocalDate day, int limit) {
        return quotas.take(memberId, day, limit) == 1;
    }

    @Override
    public ReceiptClaim insert(NewClaim claim) {
        ReceiptClaimRow row = new ReceiptClaimRow();
        row.tenantId = CallerContext.requireTenant();
        row.memberId = claim.memberId();
        row.storeId = claim.storeId();
        row.merchantId = claim.merchantId();
        row.receiptNo = claim.receiptNo();
        row.amountFen = claim.amountFen();
        row.purchasedOn = claim.purchasedOn();
        row.photoRef = claim.photoRef();
        row.status = ReceiptClaim.Status.PENDING.name();
        row.createdAt = DbTime.now(clock);
        try {
            claims.insert(row);
        } catch (DuplicateKeyException e) {
            throw new ReceiptAlreadyClaimed(claim.receiptNo());
        }
        return of(row);
    }

    @Override
    public Optional<ReceiptClaim> find(long id) {
        return Optional.ofNullable(claims.selectById(id)).map(MybatisReceiptClaims::of);
    }

    @Override
    public boolean review(long id, ReceiptClaim.Status to, Long approvedFen, String reason, long staffId, Instant at) {
        return claims.review(id, to.name(), approvedFen, reason, staffId, DbTime.of(at)) == 1;
    }

    @Override
    public void recordPoints(long id, long points) {
        ReceiptClaimRow row = new ReceiptClaimRow();
        row.id = id;
        row.points = points;
        claims.updateById(row);
    }

    @Override
    public List<ReceiptClaim> ofMember(long memberId, Long before, int size) {
        QueryWrapper<ReceiptClaimRow> q = new QueryWrapper<ReceiptClaimRow>().eq("member_id", memberId);
        return page(q, before, size);
    }

    @Override
    public List<ReceiptClaim> list(ReceiptClaim.Status status, Long storeId, Long before, int size) {
        QueryWrapper<ReceiptClaimRow> q = new QueryWrapper<ReceiptClaimRow>()
                .eq(status != null, "status", status == null ? null : status.name())
                .eq(storeId != null, "store_id", storeId);
        return page(q, before, size);
    }

    private List<ReceiptClaim> page(QueryWrapper<ReceiptClaimRow> q, Long before, int size) {
        return claims.selectList(q.lt(before != null, "id", before).orderByDesc("id").last("limit " + size)).stream()
                .map(MybatisReceiptClaims::of).toList();
    }

    private static ReceiptClaim of(ReceiptClaimRow r) {
        return new ReceiptClaim(r.id, r.memberId, r.storeId, r.merchantId, r.receiptNo, r.amountFen, r.purchasedOn, r.photoRef,
                ReceiptClaim.Status.valueOf(r.status), r.approvedFen, r.points, r.reason, r.reviewedBy, DbTime.instant(r.reviewedAt),
                DbTime.instant(r.createdAt));
    }
}
