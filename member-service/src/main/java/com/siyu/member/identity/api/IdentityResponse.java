package com.siyu.member.identity.api;

import com.siyu.member.identity.domain.Identity;

public record IdentityResponse(String kind, String scope, String value, String attributes, boolean verified) {

    static IdentityResponse of(Identity identity) {
        String value = identity.value();
        if (identity.kind() == com.siyu.member.identity.domain.IdentityKind.PHONE && value.length() == 11) {
            value = value.substring(0, 3) + "****" + value.substring(7);
        }
        return new IdentityResponse(identity.kind().name(), identity.scope(), value, identity.attributes(), identity.verified());
    }
}
