package com.siyu.common.context;

/** Headers the gateway sets from a verified token (and strips when a client sends them). */
public final class SiyuHeaders {

    public static final String TENANT_ID = "X-Tenant-Id";
    public static final String MEMBER_ID = "X-Member-Id";
    public static final String STAFF_ID = "X-Staff-Id";
    public static final String STORE_ID = "X-Store-Id";
    public static final String STAFF_ROLES = "X-Staff-Roles";
    public static final String REQUEST_ID = "X-Request-Id";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IDEMPOTENCY_REPLAYED = "Idempotency-Replayed";

    private SiyuHeaders() {
    }
}
