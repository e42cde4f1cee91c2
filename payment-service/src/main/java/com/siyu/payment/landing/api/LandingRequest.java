package com.siyu.payment.landing.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A landing page: a coupon template to claim, a mini-program page, the follow card, a WeCom contact QR URL. */
public record LandingRequest(@Positive Long couponTemplateId,
                             @Size(max = 200) String activityPath,
                             @NotNull Boolean followOfficialAccount,
                             @Size(max = 300) String wecomContactUrl) {
}
