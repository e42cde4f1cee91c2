package com.siyu.touchpoint.campaign.domain;

import com.siyu.touchpoint.messaging.domain.Channel;
import com.siyu.touchpoint.messaging.domain.Send;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message to a member-service segment (半自动化): DRAFT until activated, SCHEDULED until its run is due, RUNNING while
 * the job pages the segment (the cursor is the last member id done), then DONE, or SCHEDULED again for the next
 * day or week (DAILY, WEEKLY: the same local time, the first occurrence still ahead); PAUSED stops making sends, CANCELLED also skips the queued ones. Each member falls in one
 * arm of the A/B split (by weight, the same arm on every run); each arm is a chain of channels, the next taken when
 * one cannot reach the member. An optional coupon is granted as each send goes out.
 */
public record Campaign(long id, String name, Status status, long segmentId, Schedule schedule, Instant startAt, boolean bestHour,
                       Send.OnCap onCap, Long couponTemplateId, String couponName, List<Arm> arms, int run, Instant runAt, long cursorAfter,
                       long membersSeen, long sendsMade, String lastError, long createdBy, Instant createdAt, Instant updatedAt) {

    public enum Status { DRAFT, SCHEDULED, RUNNING, PAUSED, DONE, CANCELLED }

    public enum Schedule {
        ONCE(0), DAILY(1), WEEKLY(7);

        private final int days;

        Schedule(int days) {
            this.days = days;
        }

        /**
         * The run after the one due at {@code runAt}: the same local time {@code days} later in the mall's zone, skipping
         * occurrences already past (a service down for days runs once when back, not once per missed day); null for ONCE.
         */
        public Instant nextAfter(Instant runAt, Instant now, java.time.ZoneId zone) {
            if (this == ONCE) {
                return null;
            }
            java.time.ZonedDateTime next = runAt.atZone(zone).plusDays(days);
            while (!next.toInstant().isAfter(now)) {
                next = next.plusDays(days);
            }
            return next.toInstant();
        }
    }

    /** One arm: its share ({@code weight} of the arms' total) and its channel chain, first choice first. */
    public record Arm(String name, int weight, List<Content> channels) {
    }

    /** A channel's content with {variables} unfilled: the template (the SMS provider's template code), the page it opens, the fields. */
    public record Content(Channel channel, String templateId, String page, Map<String, String> fields) {
    }

    /** The arm a member falls in: a hash of campaign and member over the weights, so it never changes between runs or on resume. */
    public Arm armOf(long memberId) {
        int total = arms.stream().mapToInt(Arm::weight).sum();
        long mixed = new java.util.SplittableRandom(id * 0x9E3779B97F4A7C15L ^ memberId).nextLong();
        int point = (int) Math.floorMod(mixed, (long) total);
        for (Arm arm : arms) {
            point -= arm.weight();
            if (point < 0) {
                return arm;
            }
        }
        return arms.get(arms.size() - 1);
    }
}
