package com.siyu.member.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code code} is what wx.login() gave the mini-program: letters and digits (plus the URL-unreserved
 * {@code . _ ~ -}); anything else (space, quote, {@code #}, {@code %}, {@code &}, CR/LF, NUL) is
 * refused before it could reach WeChat's URL.
 */
public record MiniProgramSessionRequest(
        @NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9._~-]+", message = "must be a wx.login code (letters, digits, . _ ~ -)")
        String code) {
}
