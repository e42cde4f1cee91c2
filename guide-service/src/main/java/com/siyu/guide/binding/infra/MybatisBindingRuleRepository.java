package com.siyu.guide.binding.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.guide.binding.domain.BindingRule;
import com.siyu.guide.binding.domain.BindingRuleRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class MybatisBindingRuleRepository implements BindingRuleRepository {

    private final BindingRuleMapper mapper;
    private final Clock clock;

    MybatisBindingRuleRepository(BindingRuleMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public Optional<BindingRule> find() {
        // the tenant line scopes this to the tenant in context (its row, if it set one)
        return Optional.ofNullable(mapper.selectOne(new QueryWrapper<>()))
                .map(row -> new BindingRule(BindingRule.Mode.valueOf(row.mode), row.protectionDays, row.operatorOverrides));
    }

    @Override
    public void save(BindingRule rule) {
        mapper.upsert(CallerContext.requireTenant(), rule.mode().name(), rule.protectionDays(), rule.operatorOverrides(),
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}
