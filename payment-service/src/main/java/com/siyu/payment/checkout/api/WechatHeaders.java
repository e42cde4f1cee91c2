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
}
