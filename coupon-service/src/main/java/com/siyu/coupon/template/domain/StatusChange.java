package com.siyu.coupon.template.domain;

import java.time.Instant;

/** One line of a template's audit trail. */
public record StatusChange(long templateId, TemplateStatus from, TemplateStatus to, Long staffId, String reason, Instant at) {
}
