package com.siyu.guide.binding.domain;

import java.time.Instant;

/**
 * A member's exclusive guide: how it came about ({@code source}, see {@link BindingSource}; {@code channel}
 * names the contact code or campaign when there was one) and when. The tenant's rule protects it for its
 * protection days from {@code boundAt} (a changed rule applies to existing bindings at once).
 */
public record Binding(long memberId, long guideId, String source, String channel, Instant boundAt) {
}
