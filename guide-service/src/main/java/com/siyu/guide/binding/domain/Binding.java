package com.siyu.guide.binding.domain;

import java.time.Instant;

/** A member's exclusive guide. {@code source}: STAFF (bound by staff) or MERGE (inherited from a merged member). */
public record Binding(long memberId, long guideId, String source, Instant boundAt) {
}
