package com.siyu.touchpoint.support.domain;

/**
 * An auto-reply: a shopper's text that matches (EXACT: the whole text, ignoring case and surrounding spaces; CONTAINS;
 * REGEX: a Java pattern found anywhere) is answered with the reply; the lowest priority number is tried first.
 */
public record KeywordRule(long id, MatchType matchType, String pattern, int priority, Reply reply, boolean enabled) {

    public enum MatchType { EXACT, CONTAINS, REGEX }

    /** TEXT: {@code text}; CARD: a mini-program card (title, page, the thumbnail's media id at WeChat). */
    public record Reply(Type type, String text, String title, String page, String thumbMediaId) {

        public enum Type { TEXT, CARD }
    }
}
