package com.siyu.points.account.domain;

import java.time.Instant;

/** Points held for payment {@code bizId}; HELD until the payment confirms or releases them. */
public record Reservation(long id, long memberId, String bizId, long points, Long storeId, Status status, long journalId,
                          Instant createdAt) {

    public enum Status { HELD, CONFIRMED, RELEASED }
}
