package com.siyu.touchpoint.messaging.domain;

import java.util.Map;

/**
 * A send an operator only tweaks (半自动化): which subscription template, which page it opens and how its fields are
 * filled from the event's variables ({@code {amount}} and the like).
 */
public record Preset(Kind kind, boolean enabled, String templateId, String page, Map<String, String> fields) {

    /** POST_PAYMENT: a thank-you after a paid cashier payment; variables {amount} (what was paid, ¥), {paidAt} (the mall's local time), {paymentNo}. */
    public enum Kind { POST_PAYMENT }
}
