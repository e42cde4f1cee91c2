package com.siyu.guide.roster.api;

import com.siyu.guide.roster.domain.Guide;
import java.time.Instant;

public record GuideResponse(long id, long storeId, Long staffId, Long merchantId, String name, String phone, String wecomUserId, int level,
                            String status, Instant createdAt) {

    public static GuideResponse of(Guide g) {
        return new GuideResponse(g.id(), g.storeId(), g.staffId(), g.merchantId(), g.name(), g.phone(), g.wecomUserId(), g.level(),
                g.status().name(), g.createdAt());
    }
}
