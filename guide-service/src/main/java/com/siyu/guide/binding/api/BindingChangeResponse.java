package com.siyu.guide.binding.api;

import com.siyu.guide.binding.domain.BindingChange;
import java.time.Instant;

public record BindingChangeResponse(long id, Long fromGuideId, Long toGuideId, String source, String channel, Long actorStaffId, String reason,
                                    Instant at) {

    static BindingChangeResponse of(BindingChange c) {
        return new BindingChangeResponse(c.id(), c.fromGuideId(), c.toGuideId(), c.source(), c.channel(), c.actorStaffId(), c.reason(), c.at());
    }
}
