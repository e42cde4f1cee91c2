package com.siyu.guide.binding.domain;

import java.time.Instant;

/** One change of a member's guide, as kept in the history: from and to (null when bound or unbound), who and why. */
public record BindingChange(long id, long memberId, Long fromGuideId, Long toGuideId, String source, String channel, Long actorStaffId,
                            String reason, Instant at) {
}
