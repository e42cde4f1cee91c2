package com.siyu.member;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.common.problem.DomainException;
import com.siyu.member.segment.domain.Condition;
import com.siyu.member.segment.domain.SegmentRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentRuleTest {

    @Test
    void wellFormedConditionsAreAccepted() {
        assertThatCode(() -> new SegmentRule(List.of(new Condition("totalSpendFen", "gte", 100_000),
                new Condition("tag", "in", List.of("VIP", "生日")), new Condition("lastVisitDays", "lte", 30)))).doesNotThrowAnyException();
    }

    @Test
    void anythingElseIsRefusedBeforeItCanReachSql() {
        assertThatThrownBy(() -> new Condition("m.id) or (1=1", "eq", "x")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Condition("stage", "like", "x")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Condition("stage", "gte", "x")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Condition("visits", "eq", "many")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Condition("visits", "eq", -1)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Condition("tag", "in", List.of())).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new SegmentRule(List.of())).isInstanceOf(DomainException.class);
    }

    @Test
    void recentSpendAndRecencyAreRangesOnly() {
        assertThatCode(() -> new Condition("recentSpendFen", "gte", 100_000)).doesNotThrowAnyException();
        assertThatCode(() -> new Condition("recentSpendFen", "lte", 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new Condition("recentSpendFen", "eq", 100)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Condition("recentSpendFen", "in", List.of(1, 2))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Condition("recentSpendFen", "gte", -1)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Condition("lastVisitDays", "in", List.of(30, 60))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Condition("birthdayInDays", "lte", 7)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Condition("birthdayInDays", "eq", 32)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Condition("birthdayInDays", "eq", -1)).isInstanceOf(DomainException.class);
        assertThatCode(() -> new Condition("lastVisitDays", "eq", 30)).doesNotThrowAnyException();
        assertThatCode(() -> new Condition("birthdayInDays", "eq", 0)).doesNotThrowAnyException();
    }
}
