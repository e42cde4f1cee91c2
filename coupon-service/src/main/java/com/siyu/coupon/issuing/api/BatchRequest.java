package com.siyu.coupon.issuing.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Grant one template to a list of members (a segment id will be accepted here once member-service evaluates segments). */
public record BatchRequest(@NotNull @Positive Long templateId,
                           @NotEmpty @Size(max = 5000) List<@NotNull @Positive Long> memberIds,
                           @Size(max = 200) String reason) {
}
