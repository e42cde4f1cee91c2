package com.siyu.points.earning.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.points.account.infra.DbTime;
import com.siyu.points.earning.domain.EarnRule;
import com.siyu.points.earning.domain.PointsPolicy;
import com.siyu.points.earning.domain.PolicyRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisPolicyRepository implements PolicyRepository {

    private final PolicyMapper policies;
    private final EarnRuleMapper rules;
    private final Clock clock;

    MybatisPolicyRepository(PolicyMapper policies, EarnRuleMapper rules, Clock clock) {
        this.policies = policies;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public Optional<PointsPolicy> policy() {
        return Optional.ofNullable(policies.selectOne(new QueryWrapper<>())).map(row -> new PointsPolicy(row.redeemPointsPerYuan,
                row.expiryMonths, row.reminderDays, row.dailyEarnCap, PointsPolicy.RefundShortfall.valueOf(row.refundShortfall),
                row.parkingPointsPerHour, row.parkingStoreId));
    }

    @Override
    public void save(PointsPolicy policy) {
        PolicyRow row = policies.selectOne(new QueryWrapper<>());
        boolean fresh = row == null;
        if (fresh) {
            row = new PolicyRow();
            row.tenantId = CallerContext.requireTenant();
            row.createdAt = DbTime.now(clock);
        }
        row.redeemPointsPerYuan = policy.redeemPointsPerYuan();
        row.expiryMonths = policy.expiryMonths();
        row.reminderDays = policy.reminderDays();
        row.dailyEarnCap = policy.dailyEarnCap();
        row.refundShortfall = policy.refundShortfall().name();
        row.parkingPointsPerHour = policy.parkingPointsPerHour();
        row.parkingStoreId = policy.parkingStoreId();
        row.updatedAt = DbTime.now(clock);
        if (fresh) {
            try {
                policies.insert(row);
                return;
            } catch (DuplicateKeyException concurrent) {
                row.id = policies.selectOne(new QueryWrapper<>()).id;
            }
        }
        policies.updateById(row);
    }

    @Override
    public List<EarnRule> rules() {
        return rules.selectList(new QueryWrapper<EarnRuleRow>().orderByAsc("id")).stream()
                .map(row -> new EarnRule(row.id, EarnRule.Kind.valueOf(row.kind), row.name, row.storeId, row.merchantId, row.category,
                        row.tier, row.rateMilli, row.multiplierPct, DbTime.instant(row.startsAt), DbTime.instant(row.endsAt)))
                .toList();
    }

    @Override
    public EarnRule add(EarnRule rule) {
        EarnRuleRow row = new EarnRuleRow();
        row.tenantId = CallerContext.requireTenant();
        row.kind = rule.kind().name();
        row.name = rule.name();
        row.storeId = rule.storeId();
        row.merchantId = rule.merchantId();
        row.category = rule.category();
        row.tier = rule.tier();
        row.rateMilli = rule.rateMilli();
        row.multiplierPct = rule.multiplierPct();
        row.startsAt = rule.startsAt() == null ? null : DbTime.of(rule.startsAt());
        row.endsAt = rule.endsAt() == null ? null : DbTime.of(rule.endsAt());
        row.createdAt = DbTime.now(clock);
        rules.insert(row);
        return new EarnRule(row.id, rule.kind(), rule.name(), rule.storeId(), rule.merchantId(), rule.category(), rule.tier(),
                rule.rateMilli(), rule.multiplierPct(), rule.startsAt(), rule.endsAt());
    }

    @Override
    public boolean remove(long ruleId) {
        return rules.deleteById(ruleId) == 1;
    }
}
