package com.siyu.member.member.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

public record RegisterMemberRequest(@NotBlank @Size(max = 20) String phone,
                                    @Size(max = 64) String nickname,
                                    @Positive Long storeId) {
}
