package com.siyu.common.inbox;

/** A delivery that can never succeed (no tenant, no id, not JSON, missing field): dead-lettered at once. */
public class MalformedEvent extends RuntimeException {

    public MalformedEvent(String message) {
        super(message);
    }

    public MalformedEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
