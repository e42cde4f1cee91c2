package com.siyu.guide.commission.domain;

import java.time.Instant;

/**
 * What a guide shared: a product of a counter ({@code merchantId} + {@code sku}), a coupon template, or an activity
 * ({@code campaign}, which any kind may also name). Counted by visits; payments through it credit the guide.
 */
public record ShareLink(long id, long guideId, Kind kind, String title, Long merchantId, String sku, Long couponTemplateId, String campaign,
                        Instant createdAt, Instant expiresAt) {

    public enum Kind { PRODUCT, COUPON, ACTIVITY }

    /** A link with what shoppers did with it: distinct visitors, opens, orders credited through it, what they paid and refunded (gross, fen). */
    public record Performance(ShareLink link, long visitors, long opens, long orders, long paidFen, long refundedFen) {
    }
}
