package com.siyu.common.test;

import com.siyu.common.context.SiyuHeaders;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Request headers of a verified caller (a signed test token) for a service integration test. */
public final class Http {

    private Http() {
    }

    public static HttpHeaders staff(long tenantId, long staffId, String... roles) {
        return bearer(TestTokens.staff(tenantId, staffId, null, roles));
    }

    /** A staff member of one store (the store is a claim of the staff token). */
    public static HttpHeaders staffAt(long tenantId, long staffId, long storeId, String... roles) {
        return bearer(TestTokens.staff(tenantId, staffId, storeId, roles));
    }

    public static HttpHeaders member(long tenantId, long memberId) {
        return bearer(TestTokens.member(tenantId, memberId));
    }

    /** Another service calling an {@code /internal} endpoint for a tenant (its service token). */
    public static HttpHeaders internal(long tenantId) {
        return bearer(TestTokens.service(tenantId));
    }

    /** The platform operator ({@code /internal/platform/**}). */
    public static HttpHeaders platform() {
        return bearer(TestTokens.platform());
    }

    public static HttpHeaders bearer(String token) {
        HttpHeaders headers = json();
        headers.setBearerAuth(token);
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
