package com.siyu.touchpoint.campaign.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Campaigns of the tenant in context unless a method says otherwise (infra). */
public interface CampaignRepository {

    long create(Campaign campaign);

    Optional<Campaign> find(long id);

    List<Campaign> list(Campaign.Status status, int limit);

    /** Moves the campaign from one of {@code from} to {@code to}; {@code runAt} and {@code run} set when given; false when it was in none of them. */
    boolean move(long id, List<Campaign.Status> from, Campaign.Status to, Instant runAt, Integer run, Instant now);

    /** Every tenant's campaigns with work now: SCHEDULED and due, or RUNNING; tenant → ids. */
    Map<Long, List<Long>> active(Instant now, int limit);

    /** A page done: the cursor moves from {@code after} to {@code next} only if it still is at {@code after} and RUNNING. */
    boolean advanced(long id, long after, long next, int members, int made, Instant now);

    /** The run ended: ONCE → DONE; DAILY / WEEKLY → SCHEDULED for the next run at {@code nextRunAt}, cursor back to 0. */
    void runEnded(long id, Campaign.Schedule schedule, Instant nextRunAt, Instant now);

    void failed(long id, String error, Instant now);

    /** A cancelled campaign's queued sends are skipped (CAMPAIGN_CANCELLED); how many. */
    int skipQueued(long id, Instant now);

    /** The members' clicks of the last {@code days} days (their best hour is read from them). */
    Map<Long, List<Instant>> clicks(List<Long> memberIds, Instant since);

    /** Per arm: sends by status, reason, channel and what happened on the way, clicks, coupons, credited payments and GMV. */
    List<CampaignReport.Arm> report(long id);
}
