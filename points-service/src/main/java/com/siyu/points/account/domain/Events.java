package com.siyu.points.account.domain;

import java.util.Map;

/** Domain events, written to the outbox in the caller's local transaction (published later). */
public interface Events {

    void append(String type, Map<String, Object> payload);
}
