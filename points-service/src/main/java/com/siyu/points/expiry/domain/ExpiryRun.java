package com.siyu.points.expiry.domain;

/** What one expiry run did. */
public record ExpiryRun(int tenants, int lotsExpired, long pointsExpired, int remindersWritten, int tenantsFailed) {

    ExpiryRun plus(ExpiryRun other) {
        return new ExpiryRun(tenants + other.tenants, lotsExpired + other.lotsExpired, pointsExpired + other.pointsExpired,
                remindersWritten + other.remindersWritten, tenantsFailed + other.tenantsFailed);
    }
}
