package com.siyu.guide.roster.api;

import com.siyu.guide.roster.domain.Guide;
import java.time.Instant;

public record GuideResponse(long id, long storeId, String name, String phone, String status, Instant createdAt) {

    static GuideResponse of(Guide g) {
        return new GuideResponse(g.id(), g.storeId(), g.name(), g.phone(), g.status().name(), g.createdAt());
    }
}
