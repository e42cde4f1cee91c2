package com.siyu.member.staff.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

public interface StaffRepository {

    /** Inserts a staff account of the tenant in context; throws {@link StaffUsernameTaken} on a duplicate. */
    long insert(String username, String displayName, String passwordHash, Set<StaffRole> roles, Long storeId);

    Optional<StaffAccount> findByUsername(String username);

    Optional<StaffAccount> findById(long id);

    java.util.List<StaffAccount> list();

    /** Counts a failed sign-in in one statement; locks the account until {@code lockUntil} at the threshold. */
    void recordFailure(long staffId, int threshold, Instant lockUntil);

    void recordSuccess(long staffId);

    void assignMerchant(long staffId, long merchantId);
}
