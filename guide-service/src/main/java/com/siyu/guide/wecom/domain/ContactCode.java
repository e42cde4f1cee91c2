package com.siyu.guide.wecom.domain;

import java.time.Instant;
import java.util.List;

/**
 * A WeCom contact code (联系我 QR): a CHANNEL code (渠道活码: a poster, an event, a counter's standee) or a
 * STORE code (门店活码) whose guides are one store's. Adds through it name the code in WeCom's {@code state}; the shopper
 * gets the code's {@code tags} (member-service manual tags).
 */
public record ContactCode(long id, Kind kind, String channel, Long storeId, List<Long> guideIds, String configId, String qrCode,
                          String welcomeText, Instant createdAt, List<String> tags) {

    public enum Kind { CHANNEL, STORE }

    public static final String STATE_PREFIX = "sy";

    public String state() {
        return STATE_PREFIX + id;
    }

    /** The code id in a state this service issued, or -1. */
    public static long idOfState(String state) {
        if (state == null || !state.startsWith(STATE_PREFIX) || state.length() > 20) {
            return -1;
        }
        try {
            return Long.parseLong(state.substring(STATE_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
