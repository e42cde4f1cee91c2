package com.siyu.points.earning.domain;

/** What a purchase earns and why: base points from the rate, the multipliers, and what the daily cap cut. */
public record EarnQuote(long points, long basePoints, int rateMilli, int campaignPct, int tierPct, long cappedBy, String excludedBy) {
}
