package com.siyu.member.tenant.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

public record StoreRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "must be 1-32 letters, digits or '-'") String code,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 200) String address,
        @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude) {
}
