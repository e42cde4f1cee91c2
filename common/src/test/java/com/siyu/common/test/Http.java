package com.siyu.common.test;

import com.siyu.common.context.SiyuHeaders;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Request headers as the gateway would set them for a service integration test. */
public final class Http {

    private Http() {
    }

    public static HttpHeaders staff(long tenantId, long staffId, String... roles) {
        HttpHeaders headers = json();
        headers.set(SiyuHeaders.TENANT_ID, Long.toString(tenantId));
        headers.set(SiyuHeaders.STAFF_ID, Long.toString(staffId));
        headers.set(SiyuHeaders.STAFF_ROLES, String.join(",", roles));
        return headers;
    }

    /** A staff member of one store (the gateway sets the store from the staff token). */
    public static HttpHeaders staffAt(long tenantId, long staffId, long storeId, String... roles) {
        HttpHeaders headers = staff(tenantId, staffId, roles);
        headers.set(SiyuHeaders.STORE_ID, Long.toString(storeId));
        return headers;
    }

    public static HttpHeaders member(long tenantId, long memberId) {
        HttpHeaders headers = json();
        headers.set(SiyuHeaders.TENANT_ID, Long.toString(tenantId));
        headers.set(SiyuHeaders.MEMBER_ID, Long.toString(memberId));
        return headers;
    }

    public static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }

    /** The same headers plus a fresh Idempotency-Key. */
    public static HttpHeaders write(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        copy.putAll(headers);
        copy.set(SiyuHeaders.IDEMPOTENCY_KEY, "it-" + UUID.randomUUID());
        return copy;
    }
}
