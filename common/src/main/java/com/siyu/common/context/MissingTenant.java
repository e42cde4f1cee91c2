package com.siyu.common.context;

/**
 * Tenant-scoped data was touched without a tenant in context. This is a programming error (a job
 * or listener that forgot to set the tenant), never something a client can cause, so it is loud.
 */
public class MissingTenant extends IllegalStateException {

    public MissingTenant() {
        super("No tenant in context: tenant-scoped data may only be read or written on behalf of a tenant");
    }
}
