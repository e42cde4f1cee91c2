package com.siyu.coupon.issuing.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Grant one template to a list of members, or to every member of a member-service segment. */
public record BatchRequest(@NotNull @Positive Long templateId,
                           @Size(max = 5000) List<@NotNull @Positive Long> memberIds,
                           @Positive Long segmentId,
                           @Size(max = 200) String reason) {

    @jakarta.validation.constraints.AssertTrue(message = "give either memberIds (1-5000) or segmentId")
    public boolean isAudience() {
        boolean list = memberIds != null && !memberIds.isEmpty();
        return list ^ (segmentId != null);
    }
}
