package com.siyu.points.earning.domain;

import java.time.Instant;

/**
 * One earn rule of a tenant. A scope column that is null matches every purchase.
 * RATE: points per yuan in thousandths ({@code rateMilli} 1000 = 1 point per yuan); the most specific
 * matching rate wins (merchant over category over store over tenant-wide).
 * EXCLUDE: a matching purchase earns nothing (e.g. a merchant excluded from points).
 * CAMPAIGN: {@code multiplierPct} (200 = double points) while active; the best matching campaign applies (campaigns do not stack).
 * TIER: {@code multiplierPct} for members of {@code tier}; multiplies with the campaign.
 */
public record EarnRule(Long id, Kind kind, String name, Long storeId, Long merchantId, String category, String tier,
                       Integer rateMilli, Integer multiplierPct, Instant startsAt, Instant endsAt) {

    public enum Kind { RATE, EXCLUDE, CAMPAIGN, TIER }

    public EarnRule {
        if (kind == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("an earn rule needs a kind and a name");
        }
        if (kind == Kind.RATE && (rateMilli == null || rateMilli < 0 || rateMilli > 100_000)) {
            throw new IllegalArgumentException("a RATE rule needs rateMilli 0-100000");
        }
        if ((kind == Kind.CAMPAIGN || kind == Kind.TIER) && (multiplierPct == null || multiplierPct < 100 || multiplierPct > 1000)) {
            throw new IllegalArgumentException("a " + kind + " rule needs multiplierPct 100-1000");
        }
        if (kind == Kind.TIER && (tier == null || tier.isBlank())) {
            throw new IllegalArgumentException("a TIER rule needs a tier");
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("endsAt must be after startsAt");
        }
    }

    boolean matches(Purchase purchase) {
        return (storeId == null || storeId.equals(purchase.storeId()))
                && (merchantId == null || merchantId.equals(purchase.merchantId()))
                && (category == null || category.equals(purchase.category()))
                && activeAt(purchase.at());
    }

    boolean activeAt(Instant at) {
        return (startsAt == null || !at.isBefore(startsAt)) && (endsAt == null || at.isBefore(endsAt));
    }

    /** Merchant beats category beats store beats tenant-wide. */
    int specificity() {
        return (merchantId != null ? 4 : 0) + (category != null ? 2 : 0) + (storeId != null ? 1 : 0);
    }
}
