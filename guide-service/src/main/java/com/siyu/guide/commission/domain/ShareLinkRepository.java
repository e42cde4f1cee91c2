package com.siyu.guide.commission.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Share links and their visits, of the tenant in context (infra). */
public interface ShareLinkRepository {

    long create(long guideId, ShareLink.Kind kind, String title, Long merchantId, String sku, Long couponTemplateId, String campaign, Instant now,
                Instant expiresAt);

    Optional<ShareLink> find(long id);

    /** The member opened the link at {@code at}: the first visit is recorded, a later one moves its last-opened time and counts it. */
    void visit(long linkId, long memberId, Instant at);

    /** When the member first and last opened the link. */
    record VisitSpan(Instant first, Instant last) {
    }

    /** Empty when the member never opened the link. */
    Optional<VisitSpan> visitSpan(long linkId, long memberId);

    /** The guide's links, newest first, with their visits and the orders attributed through them. */
    List<ShareLink.Performance> performanceOf(long guideId, long beforeId, int limit);
}
