package com.siyu.coupon.merge.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.coupon.merge.domain.WalletMergePlan;
import com.siyu.coupon.merge.domain.WalletMergeRepository;
import com.siyu.coupon.wallet.infra.QuotaMapper;
import com.siyu.coupon.wallet.infra.QuotaRow;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisWalletMergeRepository implements WalletMergeRepository {

    private final WalletMergeMapper merges;
    private final MergeCouponMapper coupons;
    private final MergeQuotaMapper quotas;
    private final QuotaMapper memberQuotas;
    private final Clock clock;

    MybatisWalletMergeRepository(WalletMergeMapper merges, MergeCouponMapper coupons, MergeQuotaMapper quotas,
            QuotaMapper memberQuotas, Clock clock) {
        this.merges = merges;
        this.coupons = coupons;
        this.quotas = quotas;
        this.memberQuotas = memberQuotas;
        this.clock = clock;
    }

    @Override
    public boolean begin(long mergeId, long survivorId, long mergedId) {
        CouponMergeRow row = new CouponMergeRow();
        row.tenantId = CallerContext.requireTenant();
        row.mergeId = mergeId;
        row.survivorId = survivorId;
        row.mergedId = mergedId;
        row.status = "MERGED";
        row.createdAt = now();
        try {
            merges.insert(row);
            return true;
        } catch (DuplicateKeyException recordedBefore) {
            return false;
        }
    }

    @Override
    public boolean beginUndo(long mergeId) {
        return merges.beginUndo(mergeId) == 1;
    }

    @Override
    public Optional<AppliedMerge> find(long mergeId) {
        return Optional.ofNullable(merges.selectOne(new QueryWrapper<CouponMergeRow>().eq("merge_id", mergeId)))
                .map(row -> new AppliedMerge(row.mergeId, row.survivorId, row.mergedId, row.status));
    }

    @Override
    public Map<Long, Integer> claimed(long memberId) {
        return counts(merges.claimed(memberId));
    }

    @Override
    public Map<Long, Integer> lockQuotas(long memberId, List<Long> templateIds) {
        if (templateIds.isEmpty()) {
            return Map.of();
        }
        for (long template : templateIds) {
            if (memberQuotas.claimed(template, memberId) == null) {
                QuotaRow row = new QuotaRow();
                row.tenantId = CallerContext.requireTenant();
                row.templateId = template;
                row.memberId = memberId;
                row.claimed = 0;
                row.dayClaimed = 0;
                row.createdAt = now();
                row.updatedAt = row.createdAt;
                try {
                    memberQuotas.insert(row);
                } catch (DuplicateKeyException createdConcurrently) {
                    // the unique key decided: the row exists now
                }
            }
        }
        return counts(merges.lockQuotas(memberId, templateIds));
    }

    @Override
    public void addClaimed(long memberId, long templateId, int added) {
        require(merges.addClaimed(memberId, templateId, added, now()) == 1, "quota of member " + memberId);
    }

    @Override
    public void setClaimed(long memberId, long templateId, int claimed) {
        require(merges.setClaimed(memberId, templateId, claimed, now()) == 1, "quota of member " + memberId);
    }

    @Override
    public List<WalletMergePlan.OwnedCoupon> availableLocked(long memberId) {
        return merges.availableLocked(memberId).stream().map(row -> new WalletMergePlan.OwnedCoupon(number(row, "couponId"),
                number(row, "templateId"), (int) number(row, "seq"))).toList();
    }

    @Override
    public boolean move(long couponId, long fromMember, int fromSeq, long toMember, int toSeq) {
        return merges.move(couponId, fromMember, fromSeq, toMember, toSeq, now()) == 1;
    }

    @Override
    public List<Integer> seqs(long memberId, long templateId) {
        return merges.seqs(memberId, templateId);
    }

    @Override
    public Optional<AppliedMerge> activeMergeOf(long mergedId) {
        return merges.selectList(new QueryWrapper<CouponMergeRow>().eq("merged_id", mergedId).eq("status", "MERGED")
                        .orderByDesc("id").last("limit 1")).stream().findFirst()
                .map(row -> new AppliedMerge(row.mergeId, row.survivorId, row.mergedId, row.status));
    }

    @Override
    public int highestSeq(long memberId, long templateId) {
        return merges.highestSeq(memberId, templateId);
    }

    @Override
    public void recordMoved(long mergeId, WalletMergePlan plan, List<WalletMergePlan.CouponMove> moved) {
        long tenant = CallerContext.requireTenant();
        for (WalletMergePlan.QuotaAddition addition : plan.quotas()) {
            CouponMergeQuotaRow row = new CouponMergeQuotaRow();
            row.tenantId = tenant;
            row.mergeId = mergeId;
            row.templateId = addition.templateId();
            row.added = addition.added();
            row.createdAt = now();
            quotas.insert(row);
        }
        for (WalletMergePlan.CouponMove move : moved) {
            CouponMergeCouponRow row = new CouponMergeCouponRow();
            row.tenantId = tenant;
            row.mergeId = mergeId;
            row.couponId = move.couponId();
            row.templateId = move.templateId();
            row.fromSeq = move.fromSeq();
            row.toSeq = move.toSeq();
            row.returned = false;
            row.createdAt = now();
            coupons.insert(row);
        }
    }

    @Override
    public List<MovedCoupon> moved(long mergeId) {
        return coupons.selectList(new QueryWrapper<CouponMergeCouponRow>().eq("merge_id", mergeId).orderByAsc("id")).stream()
                .map(row -> new MovedCoupon(row.couponId, row.templateId, row.fromSeq, row.toSeq)).toList();
    }

    @Override
    public Map<Long, Integer> added(long mergeId) {
        Map<Long, Integer> added = new LinkedHashMap<>();
        for (CouponMergeQuotaRow row : quotas.selectList(new QueryWrapper<CouponMergeQuotaRow>().eq("merge_id", mergeId).orderByAsc("template_id"))) {
            added.put(row.templateId, row.added);
        }
        return added;
    }

    @Override
    public void recordReturned(long mergeId, long couponId) {
        coupons.update(null, new UpdateWrapper<CouponMergeCouponRow>().eq("merge_id", mergeId).eq("coupon_id", couponId).set("returned", true));
    }

    private static Map<Long, Integer> counts(List<Map<String, Object>> rows) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            counts.put(number(row, "templateId"), (int) number(row, "claimed"));
        }
        return counts;
    }

    private static long number(Map<String, Object> row, String key) {
        Object value = row.get(key);
        if (value == null) {
            value = row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).findFirst().orElse(0L);
        }
        return ((Number) value).longValue();
    }

    private static void require(boolean done, String what) {
        if (!done) {
            throw new IllegalStateException("Merge could not update the " + what);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
