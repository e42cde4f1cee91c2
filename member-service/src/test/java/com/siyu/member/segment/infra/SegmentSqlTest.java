package com.siyu.member.segment.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.member.segment.domain.Condition;
import com.siyu.member.segment.domain.SegmentRule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentSqlTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void recentSpendIsBoundAndLooksBackTheTierWindow() {
        SegmentSql.Where where = SegmentSql.render(new SegmentRule(List.of(new Condition("recentSpendFen", "gte", 123_456),
                new Condition("store", "eq", 9))), NOW, SHANGHAI);
        assertThat(where.sql()).doesNotContain("123456").contains("having sum(g.spend_fen) >= #{p.p1}")
                .contains("g.created_at >= #{p.p0}").contains("g.store_id = #{p.p2}");
        assertThat(where.params()).containsEntry("p0", LocalDateTime.parse("2025-06-01T00:00:00")).containsEntry("p1", 123_456L)
                .containsEntry("p2", 9);
    }

    @Test
    void atMostNIncludesMembersWhoBoughtNothingAndAtLeastZeroIsEveryone() {
        assertThat(SegmentSql.render(new SegmentRule(List.of(new Condition("recentSpendFen", "lte", 500))), NOW, SHANGHAI).sql())
                .contains("not exists (select 1 from growth_journal g").contains("having sum(g.spend_fen) > #{p.p1}");
        assertThat(SegmentSql.render(new SegmentRule(List.of(new Condition("recentSpendFen", "gte", 0))), NOW, SHANGHAI).sql())
                .isEqualTo("m.status = 'ACTIVE' and 1 = 1");
    }

    @Test
    void withinTheTenantEveryTableOfTheClauseIsScopedByABoundTenant() {
        SegmentSql.Where where = SegmentSql.renderWithinTenant(new SegmentRule(List.of(new Condition("recentSpendFen", "gte", 100),
                new Condition("tag", "eq", "VIP"), new Condition("store", "in", List.of(1, 2)), new Condition("category", "eq", "food"))), NOW, SHANGHAI, 4242);
        String sql = where.sql();
        assertThat(sql).startsWith("m.tenant_id = #{p.tenant} and m.status = 'ACTIVE'").doesNotContain("4242");
        String scopedGrowth = "from growth_journal g where g.member_id = m.id and g.tenant_id = #{p.tenant}";
        assertThat(sql.split(java.util.regex.Pattern.quote(scopedGrowth), -1)).hasSize(4);
        assertThat(sql.split(java.util.regex.Pattern.quote("from growth_journal"), -1)).hasSize(4);
        assertThat(sql).contains("where mt.member_id = m.id and mt.tenant_id = #{p.tenant} and t.tenant_id = #{p.tenant} and t.name = #{p.p2}");
        assertThat(where.params()).containsEntry("tenant", 4242L).containsEntry("p0", LocalDateTime.parse("2025-06-01T00:00:00"))
                .containsEntry("p1", 100L).containsEntry("p2", "VIP").containsEntry("p3", 1).containsEntry("p4", 2).containsEntry("p5", "food");
        // segments keep their clause as it was: the interceptor scopes it
        assertThat(SegmentSql.render(new SegmentRule(List.of(new Condition("tag", "eq", "VIP"))), NOW, SHANGHAI).sql()).doesNotContain("tenant");
    }

    @Test
    void aBirthdayIsTheTenantsLocalDayAndThe29thOfFebruaryIsMetOnThe28thInOtherYears() {
        // 2026-06-01T00:00Z is 08:00 on 1 June in Shanghai but still 31 May in Los Angeles
        SegmentSql.Where today = SegmentSql.render(new SegmentRule(List.of(new Condition("birthdayInDays", "eq", 0))), NOW, SHANGHAI);
        assertThat(today.sql()).contains("(month(m.birthday) = #{p.p0} and dayofmonth(m.birthday) = #{p.p1})");
        assertThat(today.params()).containsEntry("p0", 6).containsEntry("p1", 1);
        SegmentSql.Where west = SegmentSql.render(new SegmentRule(List.of(new Condition("birthdayInDays", "eq", 0))), NOW,
                ZoneId.of("America/Los_Angeles"));
        assertThat(west.params()).containsEntry("p0", 5).containsEntry("p1", 31);

        Instant feb27 = Instant.parse("2027-02-27T04:00:00Z");
        assertThat(SegmentSql.render(new SegmentRule(List.of(new Condition("birthdayInDays", "eq", 1))), feb27, SHANGHAI).sql())
                .contains("dayofmonth(m.birthday) in (28, 29)");
        Instant leapFeb27 = Instant.parse("2028-02-27T04:00:00Z");
        SegmentSql.Where leap = SegmentSql.render(new SegmentRule(List.of(new Condition("birthdayInDays", "eq", 1))), leapFeb27, SHANGHAI);
        assertThat(leap.sql()).doesNotContain("in (28, 29)");
        assertThat(leap.params()).containsEntry("p1", 28);
    }

    @Test
    void lastVisitDaysEqualIsTheOneDayAMemberCrossesN() {
        SegmentSql.Where where = SegmentSql.render(new SegmentRule(List.of(new Condition("lastVisitDays", "eq", 30))), NOW, SHANGHAI);
        assertThat(where.sql()).contains("(m.last_visit_at <= #{p.p0} and m.last_visit_at > #{p.p1})");
        assertThat(where.params()).containsEntry("p0", LocalDateTime.parse("2026-05-02T00:00:00"))
                .containsEntry("p1", LocalDateTime.parse("2026-05-01T00:00:00"));
    }
}
