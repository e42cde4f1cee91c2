package com.siyu.member.segment.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.member.segment.domain.Condition;
import com.siyu.member.segment.domain.SegmentRule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentSqlTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void recentSpendIsBoundAndLooksBackTheTierWindow() {
        SegmentSql.Where where = SegmentSql.render(new SegmentRule(List.of(new Condition("recentSpendFen", "gte", 123_456),
                new Condition("store", "eq", 9))), NOW);
        assertThat(where.sql()).doesNotContain("123456").contains("having sum(g.spend_fen) >= #{p.p1}")
                .contains("g.created_at >= #{p.p0}").contains("g.store_id = #{p.p2}");
        assertThat(where.params()).containsEntry("p0", LocalDateTime.parse("2025-06-01T00:00:00")).containsEntry("p1", 123_456L)
                .containsEntry("p2", 9);
    }

    @Test
    void atMostNIncludesMembersWhoBoughtNothingAndAtLeastZeroIsEveryone() {
        assertThat(SegmentSql.render(new SegmentRule(List.of(new Condition("recentSpendFen", "lte", 500))), NOW).sql())
                .contains("not exists (select 1 from growth_journal g").contains("having sum(g.spend_fen) > #{p.p1}");
        assertThat(SegmentSql.render(new SegmentRule(List.of(new Condition("recentSpendFen", "gte", 0))), NOW).sql())
                .isEqualTo("m.status = 'ACTIVE' and 1 = 1");
    }

    @Test
    void withinTheTenantEveryTableOfTheClauseIsScopedByABoundTenant() {
        SegmentSql.Where where = SegmentSql.renderWithinTenant(new SegmentRule(List.of(new Condition("recentSpendFen", "gte", 100),
                new Condition("tag", "eq", "VIP"), new Condition("store", "in", List.of(1, 2)), new Condition("category", "eq", "food"))), NOW, 4242);
        String sql = where.sql();
        assertThat(sql).startsWith("m.tenant_id = #{p.tenant} and m.status = 'ACTIVE'").doesNotContain("4242");
        String scopedGrowth = "from growth_journal g where g.member_id = m.id and g.tenant_id = #{p.tenant}";
        assertThat(sql.split(java.util.regex.Pattern.quote(scopedGrowth), -1)).hasSize(4);
        assertThat(sql.split(java.util.regex.Pattern.quote("from growth_journal"), -1)).hasSize(4);
        assertThat(sql).contains("where mt.member_id = m.id and mt.tenant_id = #{p.tenant} and t.tenant_id = #{p.tenant} and t.name = #{p.p2}");
        assertThat(where.params()).containsEntry("tenant", 4242L).containsEntry("p0", LocalDateTime.parse("2025-06-01T00:00:00"))
                .containsEntry("p1", 100L).containsEntry("p2", "VIP").containsEntry("p3", 1).containsEntry("p4", 2).containsEntry("p5", "food");
        // segments keep their clause as it was: the interceptor scopes it
        assertThat(SegmentSql.render(new SegmentRule(List.of(new Condition("tag", "eq", "VIP"))), NOW).sql()).doesNotContain("tenant");
    }
}
