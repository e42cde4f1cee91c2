package com.siyu.member.tier.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public interface TierRepository {

    void replaceAll(List<Tier> tiers);

    TierLadder ladder();

    /** Appends the growth line; false when the business id was recorded before. */
    boolean appendGrowth(GrowthEvent event, long growth);

    /** Adds to the member's growth, spend and visits in one statement; returns the new growth. */
    long addToMember(long memberId, long growth, long spendFen, Instant visitAt);

    /** The member whose growth line {@code bizId} is, locking that line; empty when there is none. */
    java.util.Optional<Long> lockGrowth(String bizId);

    /** How much spend refunds have taken back from purchase {@code bizId} so far. */
    long reversedSpend(String bizId);

    /** Takes growth and spend back (a refund); the visit stays a visit. Returns the member's growth after. */
    long takeFromMember(long memberId, long growth, long spendFen);

    void setTier(long memberId, String tierCode);

    /** Growth per member earned after {@code since}, for every member who has a tier or earned growth. */
    Map<Long, Long> growthSince(Instant since);

    Map<Long, String> currentTiers();
}
