package com.siyu.payment.landing.api;

import com.siyu.payment.landing.domain.Landing;
import com.siyu.payment.landing.domain.LandingService;

/** A landing page and where it comes from: the counter's own, the tenant default, or none configured. */
public record LandingResponse(String orderNo, long merchantId, String source, Long couponTemplateId, String activityPath,
                              boolean followOfficialAccount, String wecomContactUrl) {

    static LandingResponse of(String orderNo, long merchantId, LandingService.Source source, Landing l) {
        return l == null ? new LandingResponse(orderNo, merchantId, source.name(), null, null, false, null)
                : new LandingResponse(orderNo, merchantId, source.name(), l.couponTemplateId(), l.activityPath(), l.followOfficialAccount(),
                        l.wecomContactUrl());
    }

    static LandingResponse of(LandingService.Effective e) {
        return of(null, e.merchantId(), e.source(), e.landing());
    }
}
