package com.siyu.member.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code code} is what wx.login() gave the mini-program. */
public record MiniProgramSessionRequest(@NotBlank @Size(max = 128) String code) {
}
