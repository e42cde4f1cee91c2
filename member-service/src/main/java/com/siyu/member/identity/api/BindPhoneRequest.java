package com.siyu.member.identity.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/**
 * Either the getPhoneNumber button's encrypted payload ({@code encryptedData} + {@code iv}, decrypted
 * with the session key of the latest login) or the newer one-time {@code phoneCode}.
 */
public record BindPhoneRequest(@Size(max = 4096) String encryptedData, @Size(max = 64) String iv, @Size(max = 128) String phoneCode) {

    @AssertTrue(message = "give either phoneCode, or encryptedData with iv")
    public boolean isEitherForm() {
        boolean encrypted = encryptedData != null && !encryptedData.isBlank() && iv != null && !iv.isBlank();
        boolean code = phoneCode != null && !phoneCode.isBlank();
        return encrypted ^ code;
    }
}
