package com.siyu.guide.binding.api;

import com.siyu.guide.binding.domain.Bindings;
import java.time.Instant;

/** A member's exclusive guide. */
public record MemberGuideResponse(long memberId, long guideId, String guideName, long storeId, String guideStatus, String source,
                                  String channel, Instant boundAt, Long staffId) {

    static MemberGuideResponse of(Bindings.BoundGuide bound) {
        return new MemberGuideResponse(bound.binding().memberId(), bound.guide().id(), bound.guide().name(), bound.guide().storeId(),
                bound.guide().status().name(), bound.binding().source(), bound.binding().channel(), bound.binding().boundAt(),
                bound.guide().staffId());
    }
}
