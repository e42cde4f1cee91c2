package com.siyu.member.tenant.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

public record OnboardTenantRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,31}", message = "must be 2-32 lowercase letters, digits or '-'") String code,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 32) String miniappAppId,
        @Size(max = 64) String miniappSecret,
        @Size(max = 32) String mpAppId,
        @Size(max = 32) String corpId,
        @Size(max = 40) String timeZone,
        @NotNull @Size(max = 200) List<@Valid StoreRequest> stores,
        @NotNull @Valid AdminRequest admin) {

    public record AdminRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "must be 3-64 letters, digits, '.', '_' or '-'") String username,
            @NotBlank @Size(max = 64) String displayName,
            @NotBlank @Size(min = 10, max = 72, message = "must be 10-72 characters") String password) {
    }
}
