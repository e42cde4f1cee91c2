package com.siyu.member.identity.domain;

/** The ways a shopper is known. Scope is the app id for app-specific ids, the channel for third parties. */
public enum IdentityKind {
    MINIAPP_OPENID(true), UNIONID(false), MP_OPENID(true), WECOM_EXTERNAL_ID(true), APP_ACCOUNT(false),
    PHONE(false), MEMBER_CARD(false), CHANNEL_ID(true);

    private final boolean scoped;

    IdentityKind(boolean scoped) {
        this.scoped = scoped;
    }

    /** Whether the value is only unique within a scope (an app id or a channel). */
    public boolean scoped() {
        return scoped;
    }
}
