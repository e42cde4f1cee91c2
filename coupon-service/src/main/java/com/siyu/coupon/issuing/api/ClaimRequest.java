package com.siyu.coupon.issuing.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** The client's position, needed for geo-fenced templates only (WGS-84 degrees). */
public record ClaimRequest(@DecimalMin("-90") @DecimalMax("90") Double latitude,
                           @DecimalMin("-180") @DecimalMax("180") Double longitude) {
}
