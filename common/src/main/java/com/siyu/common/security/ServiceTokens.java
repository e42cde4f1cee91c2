package com.siyu.common.security;

/**
 * Short-lived service tokens ({@code scope=internal}) for calls to other services' {@code /internal/**}
 * endpoints, made for a tenant (a request's, a job's or an event's) or for no tenant.
 */
@FunctionalInterface
public interface ServiceTokens {

    /** A valid bearer token acting for {@code tenantId} ({@code null}: tenant-less platform-wide work). */
    String tokenFor(Long tenantId);
}
