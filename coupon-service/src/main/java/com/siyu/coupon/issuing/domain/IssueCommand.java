package com.siyu.coupon.issuing.domain;

import com.siyu.coupon.wallet.domain.IssueSource;
import java.util.Locale;

/**
 * Issue one coupon of a template to a member. {@code key} is the caller's business key (a payment id,
 * a grant key, batch id + member id, the claim's Idempotency-Key); with the source it makes the issue
 * key, unique per tenant, so a retried issue finds the coupon instead of issuing another.
 */
public record IssueCommand(long templateId, long memberId, IssueSource source, String key, GeoPoint location) {

    public IssueCommand {
        if (key == null || key.isBlank() || key.length() > 140) {
            throw new IllegalArgumentException("An issue needs a business key of at most 140 characters");
        }
    }

    public String issueKey() {
        return issueKey(source, key);
    }

    /** The issue key of the coupon {@code source} issued under the caller's {@code key}. */
    public static String issueKey(IssueSource source, String key) {
        return source.name().toLowerCase(Locale.ROOT) + ":" + key;
    }
}
