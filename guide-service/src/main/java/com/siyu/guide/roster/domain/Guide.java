package com.siyu.guide.roster.domain;

import java.time.Instant;

/**
 * A shopping guide: a staff account of member-service with the GUIDE role ({@code staffId}; null only for
 * guides enrolled before guides signed in), at a store and optionally a counter, with a WeCom user id.
 */
public record Guide(long id, long storeId, Long staffId, Long merchantId, String name, String phone, String wecomUserId, int level,
                    GuideStatus status, Instant createdAt) {
}
