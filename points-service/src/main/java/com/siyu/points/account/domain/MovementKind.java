package com.siyu.points.account.domain;

/** What a lot movement line was for; SPEND, RESERVE, RELEASE and PARKING lines are settlement lines. */
public enum MovementKind {
    SPEND, RESERVE, RELEASE, PARKING, ADJUSTMENT, EXPIRY, REVERSAL;

    public boolean isConsumption() {
        return this == SPEND || this == RESERVE || this == RELEASE || this == PARKING;
    }
}
