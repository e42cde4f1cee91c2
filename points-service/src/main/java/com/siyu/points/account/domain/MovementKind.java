package com.siyu.points.account.domain;

/**
 * What a lot movement line was for; SPEND, RESERVE, RELEASE, REFUND and PARKING lines are settlement lines
 * (REFUND lines are negative: spent points going back to their lots undo part of the liability).
 */
public enum MovementKind {
    SPEND, RESERVE, RELEASE, REFUND, PARKING, ADJUSTMENT, EXPIRY, REVERSAL;

    public boolean isConsumption() {
        return this == SPEND || this == RESERVE || this == RELEASE || this == REFUND || this == PARKING;
    }
}
