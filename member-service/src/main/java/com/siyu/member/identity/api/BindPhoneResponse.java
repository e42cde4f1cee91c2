package com.siyu.member.identity.api;

import com.siyu.member.identity.domain.PhoneBinding;
import com.siyu.member.staff.api.SessionResponse;

/** When the phone merged this shopper into an existing member, {@code session} is for that member: use it from now on. */
public record BindPhoneResponse(long memberId, String phone, boolean merged, SessionResponse session) {

    static BindPhoneResponse of(PhoneBinding.Result result) {
        return new BindPhoneResponse(result.memberId(), result.maskedPhone(), result.merged(),
                result.session() == null ? null : SessionResponse.of(result.session()));
    }
}
