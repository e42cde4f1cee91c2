package com.siyu.guide.roster.domain;

import com.siyu.common.context.Caller;

/**
 * Whose guides a staff caller sees: tenant admins, operators and service agents the tenant's; a manager
 * placed at a store that store's (a manager without a store the tenant's); a guide only themselves.
 */
public final class GuideScope {

    private GuideScope() {
    }

    public static boolean sees(Caller staff, Guide guide) {
        if (staff.hasAnyRole("TENANT_ADMIN", "OPERATOR", "SERVICE_AGENT")) {
            return true;
        }
        if (staff.hasAnyRole("MANAGER")) {
            return staff.storeId() == null || staff.storeId() == guide.storeId();
        }
        return guide.staffId() != null && guide.staffId().equals(staff.staffId());
    }

    /** The store a caller's lists are limited to, or null for the whole tenant (guides see only themselves anyway). */
    public static Long storeOf(Caller staff) {
        if (staff.hasAnyRole("TENANT_ADMIN", "OPERATOR", "SERVICE_AGENT")) {
            return null;
        }
        return staff.storeId();
    }
}
