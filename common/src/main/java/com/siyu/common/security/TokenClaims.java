package com.siyu.common.security;

/**
 * The claims of the tokens member-service signs. {@code typ}: member, staff, service or platform;
 * {@code tid}: the tenant; {@code mid}/{@code sid}: member or staff id; {@code store}; {@code roles};
 * {@code scope}: {@code internal} for service tokens, {@code platform} for the platform operator.
 */
public final class TokenClaims {

    public static final String TYPE = "typ";
    public static final String TENANT = "tid";
    public static final String MEMBER = "mid";
    public static final String STAFF = "sid";
    public static final String STORE = "store";
    public static final String ROLES = "roles";
    public static final String SCOPE = "scope";

    public static final String TYPE_MEMBER = "member";
    public static final String TYPE_STAFF = "staff";
    public static final String TYPE_SERVICE = "service";
    public static final String TYPE_PLATFORM = "platform";

    public static final String SCOPE_INTERNAL = "internal";
    public static final String SCOPE_PLATFORM = "platform";

    /** Spring Security authorities derived from the claims. */
    public static final String AUTHORITY_TYPE = "TYPE_";
    public static final String AUTHORITY_SCOPE = "SCOPE_";

    private TokenClaims() {
    }
}
