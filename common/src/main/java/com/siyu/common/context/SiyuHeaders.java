package com.siyu.common.context;

/**
 * Headers the services read. Identity is not among them: it comes from the verified bearer token
 * (see com.siyu.common.security); {@code X-Tenant-Id}-style headers a client sends are ignored.
 */
public final class SiyuHeaders {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IDEMPOTENCY_REPLAYED = "Idempotency-Replayed";
    /** The mini-program a shopper's anonymous login comes from; member-service resolves its tenant. */
    public static final String MINIAPP_APP_ID = "X-Miniapp-AppId";

    private SiyuHeaders() {
    }
}
