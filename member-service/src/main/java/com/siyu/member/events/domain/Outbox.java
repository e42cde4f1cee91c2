package com.siyu.member.events.domain;

/** Domain events recorded in the same transaction as the change that caused them (published later, at least once). */
public interface Outbox {

    void record(String type, Object payload);
}
