package com.siyu.common.context;

import java.util.Set;

/**
 * Who is making the current request, as established by the gateway from a verified token.
 * Services never read tenant or identity from request bodies; they read it from here.
 *
 * @param tenantId the tenant (mall group) the caller belongs to; {@code null} for anonymous calls
 * @param memberId the shopper's member id when a member token was presented
 * @param staffId  the staff account id when a staff token was presented
 * @param storeId  the staff member's store, if any
 * @param roles    the staff member's roles (empty for shoppers)
 */
public record Caller(Long tenantId, Long memberId, Long staffId, Long storeId, Set<String> roles) {

    public static final Caller ANONYMOUS = new Caller(null, null, null, null, Set.of());

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static Caller system(long tenantId) {
        return new Caller(tenantId, null, null, null, Set.of());
    }

    public boolean hasTenant() {
        return tenantId != null;
    }

    public boolean isStaff() {
        return staffId != null;
    }

    public boolean isMember() {
        return memberId != null;
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
