package com.siyu.guide.handover.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Handovers and their entries (infra); every call acts on the tenant in context unless it says otherwise. */
public interface HandoverRepository {

    /** The leaver's members, in member id order. */
    List<Long> membersOf(long guideId);

    /** How many members each of the guides has now. */
    Map<Long, Long> memberCounts(List<Long> guideIds);

    boolean running(long guideId);

    /** The handover and its entries (member i goes to successors[i]). */
    long create(long guideId, String guideStatus, String mode, String reason, Long createdBy, List<Long> members, List<Long> successors,
                Instant now);

    Optional<Handover> find(long id);

    /**
     * Applies entries [from, to): moves the members still bound to the leaver (binding history HANDOVER), marks
     * each entry MOVED or SKIPPED and advances the job, all in the caller's (or its own) transaction. Returns who moved to whom.
     */
    List<Moved> applyChunk(long id, int from, int to, String reason, Instant now);

    record Moved(long memberId, long guideId) {
    }

    void finish(long id, Instant now);

    /** RUNNING → still RUNNING with a fresh heartbeat, when its runner has been silent since {@code silentSince}. */
    boolean takeOver(long id, Instant now, Instant silentSince);

    /** Abandoned RUNNING handovers of every tenant, by tenant (for the rescue job). */
    Map<Long, List<Long>> abandoned(Instant silentSince);

    /** The successor counts of a handover: guide id → members it received. */
    Map<Long, Long> received(long id);
}
