package com.siyu.guide.roster.domain;

import java.time.Instant;

public record Guide(long id, long storeId, String name, String phone, GuideStatus status, Instant createdAt) {
}
