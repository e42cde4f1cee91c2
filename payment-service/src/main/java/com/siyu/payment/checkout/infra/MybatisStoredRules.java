package com.siyu.payment.checkout.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.context.CallerContext;
import com.siyu.payment.checkout.domain.PromotionPolicy;
import com.siyu.payment.checkout.domain.StoredRules;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** The promotions are kept as one JSON document (combo and tiers), the points share as a column. */
@Repository
class MybatisStoredRules implements StoredRules {

    private final CheckoutRulesMapper rules;
    private final ObjectMapper json;
    private final Clock clock;

    MybatisStoredRules(CheckoutRulesMapper rules, ObjectMapper json, Clock clock) {
        this.rules = rules;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Optional<Stored> find() {
        return Optional.ofNullable(rules.selectOne(new QueryWrapper<>())).map(row -> {
            try {
                return new Stored(json.readValue(row.promotionsJson, PromotionPolicy.class), row.pointsMaxSharePercent);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("checkout_rules of tenant " + row.tenantId + " do not parse", e);
            }
        });
    }

    @Override
    public void save(Stored stored, Long staffId) {
        CheckoutRulesRow row = new CheckoutRulesRow();
        row.tenantId = CallerContext.requireTenant();
        try {
            row.promotionsJson = json.writeValueAsString(stored.promotions());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        row.pointsMaxSharePercent = stored.pointsMaxSharePercent();
        row.updatedBy = staffId;
        row.updatedAt = LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        rules.upsert(row);
    }

    @Override
    public void remove() {
        rules.delete(new QueryWrapper<>());
    }
}
