package com.siyu.guide.wecom.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A customer group as last read from WeCom (ownerGuideId null when its owner is no guide). */
public record WecomGroup(String chatId, String name, String ownerUserId, Long ownerGuideId, String status, int members, Instant createdAt,
                         Instant syncedAt) {

    /** One day of a group in the mall's time zone: members at the day's end, joins, leaves, what its shoppers paid that day. */
    public record Day(LocalDate date, long size, long joins, long leaves, long gmvFen) {
    }
}
