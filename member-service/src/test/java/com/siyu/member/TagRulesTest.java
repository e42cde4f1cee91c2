package com.siyu.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.member.segment.domain.Condition;
import com.siyu.member.segment.domain.SegmentRule;
import com.siyu.member.segment.domain.Tag;
import com.siyu.member.segment.domain.TagKind;
import com.siyu.member.segment.domain.TagRuleRefersToItself;
import com.siyu.member.segment.domain.TagRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagRulesTest {

    static SegmentRule tags(String... names) {
        return new SegmentRule(List.of(new Condition("tag", "in", List.of(names)), new Condition("visits", "gte", 1)));
    }

    static final SegmentRule SPEND = new SegmentRule(List.of(new Condition("recentSpendFen", "gte", 100_000)));

    @Test
    void aRuleMayReferToOtherTagsButNotToItself() {
        assertThatCode(() -> TagRules.checkNotSelfReferencing("big", tags("VIP", "生日"), Map.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> TagRules.checkNotSelfReferencing("big", tags("VIP", "big"), Map.of()))
                .isInstanceOf(TagRuleRefersToItself.class).hasMessageContaining("big → big");
        // the database compares names case-insensitively and trimmed, so does the guard
        assertThatThrownBy(() -> TagRules.checkNotSelfReferencing("Big", new SegmentRule(List.of(new Condition("tag", "eq", " big "))), Map.of()))
                .isInstanceOf(TagRuleRefersToItself.class);
    }

    @Test
    void aRuleMayNotReachItselfThroughOtherRuleTags() {
        Map<String, SegmentRule> others = Map.of("b", tags("c"), "c", tags("a", "VIP"), "d", SPEND);
        assertThatThrownBy(() -> TagRules.checkNotSelfReferencing("a", tags("b"), others))
                .isInstanceOf(TagRuleRefersToItself.class).hasMessageContaining("a → b → c → a");
        assertThatCode(() -> TagRules.checkNotSelfReferencing("a", tags("d", "VIP"), others)).doesNotThrowAnyException();
        // changing a's own rule replaces the stored one: the old rule of a does not count
        assertThatCode(() -> TagRules.checkNotSelfReferencing("a", SPEND, Map.of("a", tags("a")))).doesNotThrowAnyException();
    }

    @Test
    void evaluationRunsReferredToRuleTagsFirst() {
        Tag top = new Tag(1, "top", TagKind.RULE, tags("middle", "VIP"), null);
        Tag middle = new Tag(2, "middle", TagKind.RULE, tags("BOTTOM"), null);
        Tag bottom = new Tag(3, "bottom", TagKind.RULE, SPEND, null);
        Tag alone = new Tag(4, "alone", TagKind.RULE, SPEND, null);
        assertThat(TagRules.evaluationOrder(List.of(top, middle, alone, bottom)).stream().map(Tag::id))
                .containsExactly(3L, 2L, 1L, 4L);
        // a cycle stored before the guard existed still evaluates every tag once
        Tag x = new Tag(5, "x", TagKind.RULE, tags("y"), null);
        Tag y = new Tag(6, "y", TagKind.RULE, tags("x"), null);
        assertThat(TagRules.evaluationOrder(List.of(x, y)).stream().map(Tag::id)).containsExactlyInAnyOrder(5L, 6L).hasSize(2);
    }

    @Test
    void aRuleNamesTheTagsItSelectsOn() {
        SegmentRule rule = new SegmentRule(List.of(new Condition("tag", "eq", "VIP"), new Condition("tag", "in", List.of("生日", "VIP")),
                new Condition("store", "eq", 7)));
        assertThat(rule.tagNames()).containsExactlyInAnyOrder("VIP", "生日");
    }
}
