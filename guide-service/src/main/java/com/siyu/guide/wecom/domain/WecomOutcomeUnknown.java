package com.siyu.guide.wecom.domain;

/**
 * The request may have reached WeCom, but no answer came back (a read timeout, a connection reset after sending):
 * WeCom may have made the task. A non-idempotent call ending so is never repeated.
 */
public class WecomOutcomeUnknown extends WecomUnavailable {

    public WecomOutcomeUnknown(String message) {
        super(message);
    }
}
