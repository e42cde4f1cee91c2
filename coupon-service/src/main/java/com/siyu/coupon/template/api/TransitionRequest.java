package com.siyu.coupon.template.api;

import com.siyu.coupon.template.domain.TemplateStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Move a template to {@code to} (ACTIVE, PAUSED, ENDED), with a reason for the audit trail. */
public record TransitionRequest(@NotNull TemplateStatus to, @Size(max = 200) String reason) {
}
