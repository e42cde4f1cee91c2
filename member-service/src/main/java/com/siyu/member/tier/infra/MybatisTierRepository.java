package com.siyu.member.tier.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.member.tier.domain.GrowthEvent;
import com.siyu.member.tier.domain.Tier;
import com.siyu.member.tier.domain.TierLadder;
import com.siyu.member.tier.domain.TierRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisTierRepository implements TierRepository {

    private final TierMapper tiers;
    private final GrowthMapper growth;
    private final Clock clock;

    MybatisTierRepository(TierMapper tiers, GrowthMapper growth, Clock clock) {
        this.tiers = tiers;
        this.growth = growth;
        this.clock = clock;
    }

    @Override
    public void replaceAll(List<Tier> ladder) {
        tiers.deleteAllOfTenant();
        for (Tier tier : ladder) {
            TierRow row = new TierRow();
            row.tenantId = CallerContext.requireTenant();
            row.code = tier.code();
            row.name = tier.name();
            row.minGrowth = tier.minGrowth();
            row.createdAt = utc(clock.instant());
            tiers.insert(row);
        }
    }

    @Override
    public TierLadder ladder() {
        return new TierLadder(tiers.selectList(new QueryWrapper<TierRow>().orderByAsc("min_growth")).stream()
                .map(row -> new Tier(row.code, row.name, row.minGrowth)).toList());
    }

    @Override
    public boolean appendGrowth(GrowthEvent event, long amount) {
        GrowthRow row = new GrowthRow();
        row.tenantId = CallerContext.requireTenant();
        row.memberId = event.memberId();
        row.bizId = event.bizId();
        row.growth = amount;
        row.spendFen = event.spendFen();
        row.storeId = event.storeId();
        row.category = event.category();
        row.createdAt = utc(event.occurredAt() == null ? clock.instant() : event.occurredAt());
        try {
            growth.insert(row);
            return true;
        } catch (DuplicateKeyException seenBefore) {
            return false;
        }
    }

    @Override
    public long addToMember(long memberId, long amount, long spendFen, Instant visitAt) {
        tiers.addToMember(memberId, amount, spendFen, utc(visitAt == null ? clock.instant() : visitAt), utc(clock.instant()));
        return tiers.growthOf(memberId);
    }

    @Override
    public java.util.Optional<Long> lockGrowth(String bizId) {
        return java.util.Optional.ofNullable(growth.lockMemberOf(bizId));
    }

    @Override
    public long reversedSpend(String bizId) {
        // the purchase's id is a LIKE prefix: its own '_' or '%' (a receipt number may hold '_') must not match others
        return growth.reversedSpend(bizId.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
    }

    @Override
    public long takeFromMember(long memberId, long growth, long spendFen) {
        tiers.takeFromMember(memberId, growth, spendFen, utc(clock.instant()));
        return tiers.growthOf(memberId);
    }

    @Override
    public void setTier(long memberId, String tierCode) {
        tiers.setTier(memberId, tierCode, utc(clock.instant()));
    }

    @Override
    public Map<Long, Long> growthSince(Instant since) {
        Map<Long, Long> result = new HashMap<>();
        for (Map<String, Object> row : tiers.growthSince(utc(since))) {
            result.put(((Number) row.get("memberId")).longValue(), ((Number) row.get("growth")).longValue());
        }
        return result;
    }

    @Override
    public Map<Long, String> currentTiers() {
        Map<Long, String> result = new HashMap<>();
        for (Map<String, Object> row : tiers.currentTiers()) {
            result.put(((Number) row.get("memberId")).longValue(), (String) row.get("tier"));
        }
        return result;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
