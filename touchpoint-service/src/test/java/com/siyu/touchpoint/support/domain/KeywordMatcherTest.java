package com.siyu.touchpoint.support.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordMatcherTest {

    private static KeywordRule rule(long id, KeywordRule.MatchType type, String pattern, int priority, boolean enabled) {
        return new KeywordRule(id, type, pattern, priority, new KeywordRule.Reply(KeywordRule.Reply.Type.TEXT, "r" + id, null, null, null), enabled);
    }

    @Test
    void exactIgnoresCaseAndSurroundingSpacesButNotOtherWords() {
        List<KeywordRule> rules = List.of(rule(1, KeywordRule.MatchType.EXACT, "WiFi", 1, true));
        assertThat(KeywordMatcher.match(rules, "  wifi ")).map(KeywordRule::id).contains(1L);
        assertThat(KeywordMatcher.match(rules, "wifi密码")).isEmpty();
    }

    @Test
    void theLowestPriorityNumberWinsThenTheOldestAndDisabledRulesNeverAnswer() {
        List<KeywordRule> rules = List.of(rule(3, KeywordRule.MatchType.CONTAINS, "停车", 20, true), rule(2, KeywordRule.MatchType.CONTAINS, "停车", 10, true),
                rule(1, KeywordRule.MatchType.CONTAINS, "停车", 5, false), rule(4, KeywordRule.MatchType.REGEX, "停.费", 10, true));
        assertThat(KeywordMatcher.match(rules, "我要交停车费")).map(KeywordRule::id).contains(2L);
        assertThat(KeywordMatcher.match(rules, "停车")).map(KeywordRule::id).contains(2L);
        assertThat(KeywordMatcher.match(rules, "停一费")).map(KeywordRule::id).contains(4L);
        assertThat(KeywordMatcher.match(rules, null)).isEmpty();
    }

    @Test
    void aRegexThatBacktracksWithoutEndIsGivenUpOnQuickly() {
        List<KeywordRule> rules = List.of(rule(1, KeywordRule.MatchType.REGEX, "(a+)+b", 1, true), rule(2, KeywordRule.MatchType.CONTAINS, "aaa", 2, true));
        long started = System.nanoTime();
        // without the budget this pattern takes longer than the age of the universe on 60 a's
        assertThat(KeywordMatcher.match(rules, "a".repeat(60) + "c")).map(KeywordRule::id).contains(2L);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(KeywordMatcher.match(rules, "aab")).map(KeywordRule::id).contains(1L);
    }
}
