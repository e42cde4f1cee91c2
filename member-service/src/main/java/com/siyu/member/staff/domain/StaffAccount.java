package com.siyu.member.staff.domain;

import java.time.Instant;
import java.util.Set;

public record StaffAccount(long id, long tenantId, Long storeId, String username, String displayName, String passwordHash,
                           Set<StaffRole> roles, int failedLogins, Instant lockedUntil) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
