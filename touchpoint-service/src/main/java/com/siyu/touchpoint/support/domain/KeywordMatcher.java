package com.siyu.touchpoint.support.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rule that answers a text: enabled rules by priority (then id), the first that matches. */
public final class KeywordMatcher {

    /** A regex may read the text this many times over before it is given up on (a pattern that backtracks without end). */
    static final int REGEX_BUDGET = 200_000;

    private KeywordMatcher() {
    }

    public static Optional<KeywordRule> match(List<KeywordRule> rules, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        return rules.stream().filter(KeywordRule::enabled).sorted(Comparator.comparingInt(KeywordRule::priority).thenComparingLong(KeywordRule::id))
                .filter(rule -> matches(rule, trimmed)).findFirst();
    }

    static boolean matches(KeywordRule rule, String text) {
        return switch (rule.matchType()) {
            case EXACT -> text.equalsIgnoreCase(rule.pattern().strip());
            case CONTAINS -> text.toLowerCase(Locale.ROOT).contains(rule.pattern().toLowerCase(Locale.ROOT));
            case REGEX -> {
                try {
                    yield Pattern.compile(rule.pattern()).matcher(new Budgeted(text, REGEX_BUDGET)).find();
                } catch (Budgeted.Exhausted e) {
                    yield false;
                }
            }
        };
    }

    /** The text, readable a bounded number of characters in all: a regex that runs away stops instead of holding the thread. */
    static final class Budgeted implements CharSequence {

        static final class Exhausted extends RuntimeException {
            Exhausted() {
                super("regex budget exhausted", null, false, false);
            }
        }

        private final String text;
        private final int[] left;

        Budgeted(String text, int budget) {
            this(text, new int[] {budget});
        }

        private Budgeted(String text, int[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
