package com.siyu.gateway.auth;

import java.util.List;

/** The identity a verified token carries. */
record VerifiedCaller(String type, long tenantId, Long memberId, Long staffId, Long storeId, List<String> roles) {

    boolean isStaff() {
        return "staff".equals(type) && staffId != null;
    }

    boolean isMember() {
        return "member".equals(type) && memberId != null;
    }
}
