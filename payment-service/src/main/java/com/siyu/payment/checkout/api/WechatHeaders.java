package com.siyu.payment.checkout.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code Wechatpay-*} headers of a WeChat Pay notification (signature, serial, timestamp, nonce). */
public final class WechatHeaders {

    private WechatHeaders() {
    }

    public static Map<String, String> of(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (name.toLowerCase(Locale.ROOT).startsWith("wechatpay-")) {
                headers.put(name, request.getHeader(name));
            }
        }
        return headers;
    }

    private static final String PREFIX = "/api/v1/payment/notifications/wechat";

    /**
     * Which merchant a notification was sent to, from its path: "" (the deployment's own), {@code partner}
     * or {@code merchants/<mchid>}; a refund's {@code /refunds} is not part of it.
     */
    public static String route(HttpServletRequest request) {
        String path = request.getRequestURI();
        String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        if (rest.endsWith("/refunds")) {
            rest = rest.substring(0, rest.length() - "/refunds".length());
        }
        return rest.startsWith("/") ? rest.substring(1) : rest;
    }
}
