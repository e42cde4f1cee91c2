package com.siyu.member.staff.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.member.tenant.domain.Tenant;
import com.siyu.member.tenant.domain.TenantRepository;
import com.siyu.member.token.domain.IssuedSession;
import com.siyu.member.token.domain.Sessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

/** Staff accounts of a tenant and their password sign-in, with lockout after repeated failures. */
@Service
public class StaffAccounts {

    static final int LOCK_THRESHOLD = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private final StaffRepository staff;
    private final TenantRepository tenants;
    private final Sessions sessions;
    private final com.siyu.member.tenant.domain.MerchantRepository merchants;
    private final Clock clock;
    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder(10);
    /** Compared against when the user does not exist, so both paths cost one bcrypt check. */
    private final String decoyHash = passwords.encode("decoy-password-for-timing");

    public StaffAccounts(StaffRepository staff, TenantRepository tenants, Sessions sessions,
                         com.siyu.member.tenant.domain.MerchantRepository merchants, Clock clock) {
        this.merchants = merchants;
        this.staff = staff;
        this.tenants = tenants;
        this.sessions = sessions;
        this.clock = clock;
    }

    public long create(String username, String displayName, String password, Set<StaffRole> roles, Long storeId) {
        return staff.insert(username, displayName, passwords.encode(password), roles, storeId);
    }

    /** A staff account placed at one of the tenant's stores (and optionally a counter of that store). */
    public StaffAccount createAt(String username, String displayName, String password, Set<StaffRole> roles, Long storeId, Long merchantId) {
        if (storeId != null) {
            tenants.store(storeId).orElseThrow(() -> com.siyu.common.problem.DomainException.notFound("Store", storeId));
        }
        if (merchantId != null) {
            var merchant = merchants.find(merchantId).orElseThrow(() -> com.siyu.common.problem.DomainException.notFound("Merchant", merchantId));
            if (storeId == null || merchant.storeId() != storeId) {
                throw new com.siyu.common.problem.DomainException(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                        "Counter " + merchantId + " is not in store " + storeId);
            }
        }
        long id = staff.insert(username, displayName, passwords.encode(password), roles, storeId);
        if (merchantId != null) {
            staff.assignMerchant(id, merchantId);
        }
        return staff.findById(id).orElseThrow();
    }

    /** A staff account of the caller's tenant (404 otherwise). */
    public StaffAccount get(long id) {
        return staff.findById(id).orElseThrow(() -> com.siyu.common.problem.DomainException.notFound("Staff", id));
    }

    public java.util.List<StaffAccount> list() {
        return staff.list();
    }

    public IssuedSession signIn(String tenantCode, String username, String password) {
        Tenant tenant = tenants.findByCode(tenantCode).orElse(null);
        if (tenant == null) {
            passwords.matches(password, decoyHash);
            throw new BadCredentials();
        }
        return CallerContext.callAs(Caller.system(tenant.id()), () -> {
            StaffAccount account = staff.findByUsername(username).orElse(null);
            if (account == null) {
                passwords.matches(password, decoyHash);
                throw new BadCredentials();
            }
            Instant now = clock.instant();
            if (account.isLockedAt(now)) {
                throw new StaffAccountLocked(account.lockedUntil());
            }
            if (!passwords.matches(password, account.passwordHash())) {
                staff.recordFailure(account.id(), LOCK_THRESHOLD, now.plus(LOCK_DURATION));
                throw new BadCredentials();
            }
            if (!tenant.isActive()) {
                throw new TenantSuspended();
            }
            if (account.failedLogins() > 0) {
                staff.recordSuccess(account.id());
            }
            return sessions.forStaff(account);
        });
    }
}
