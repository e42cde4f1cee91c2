package com.siyu.payment.landing.domain;

import com.siyu.common.problem.DomainException;
import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * A merchant's landing page after payment, as configured: a coupon template to claim, a mini-program
 * page path, whether to show the official-account follow card, and a WeCom "contact me" QR URL.
 * Validates itself: a path is a mini-program page, the QR is an https URL, and something is offered.
 */
public record Landing(Long couponTemplateId, String activityPath, boolean followOfficialAccount, String wecomContactUrl) {

    private static final Pattern PAGE = Pattern.compile("/?[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*(\\?[A-Za-z0-9_\\-.=&%]*)?");

    public Landing {
        if (activityPath != null && (activityPath.length() > 200 || !PAGE.matcher(activityPath).matches())) {
            throw invalid("activityPath must be a mini-program page path such as pages/activity/index?id=7");
        }
        if (wecomContactUrl != null) {
            URI uri;
            try {
                uri = URI.create(wecomContactUrl);
            } catch (IllegalArgumentException e) {
                throw invalid("wecomContactUrl is not a URL");
            }
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || wecomContactUrl.length() > 300) {
                throw invalid("wecomContactUrl must be an https URL (WeCom's contact-me QR code)");
            }
        }
        if (couponTemplateId == null && activityPath == null && !followOfficialAccount && wecomContactUrl == null) {
            throw invalid("A landing page offers at least one thing; remove the merchant's page to use the tenant default");
        }
    }

    private static DomainException invalid(String detail) {
        return new DomainException(HttpStatus.BAD_REQUEST, "LANDING_INVALID", detail);
    }
}
