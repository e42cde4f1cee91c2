package com.siyu.touchpoint.activity.domain;

import java.time.Instant;

/** A mall activity shoppers reserve a place at (OPEN), until it is full or starts; CANCELLED by the mall. */
public record Activity(long id, String name, Long storeId, String place, Instant startsAt, Instant endsAt, int capacity, int reserved,
                       int remindMinutesBefore, Status status, Instant createdAt) {

    public enum Status { OPEN, CANCELLED }
}
