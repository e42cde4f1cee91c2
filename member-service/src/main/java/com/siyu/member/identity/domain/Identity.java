package com.siyu.member.identity.domain;

/** One way of knowing a member, e.g. (MINIAPP_OPENID, wx123app, o_abc) or (MEMBER_CARD, "", 8800123). */
public record Identity(IdentityKind kind, String scope, String value, String attributes, boolean verified) {

    public Identity {
        if (kind == null || value == null || value.isBlank()) {
            throw new InvalidIdentity("An identity needs a kind and a value");
        }
        scope = scope == null ? "" : scope;
        if (kind.scoped() && scope.isBlank()) {
            throw new InvalidIdentity(kind + " needs a scope (the app id or channel it belongs to)");
        }
        if (!kind.scoped() && !scope.isBlank()) {
            throw new InvalidIdentity(kind + " is not scoped");
        }
        if (value.length() > 128 || scope.length() > 64) {
            throw new InvalidIdentity("Identity value or scope is too long");
        }
    }

    public static Identity of(IdentityKind kind, String scope, String value) {
        return new Identity(kind, scope, value, null, false);
    }

    public Identity asVerified() {
        return new Identity(kind, scope, value, attributes, true);
    }
}
