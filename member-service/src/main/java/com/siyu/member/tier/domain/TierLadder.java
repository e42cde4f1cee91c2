package com.siyu.member.tier.domain;

import com.siyu.common.problem.DomainException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/** A tenant's tiers ordered by the growth they need; decides which tier a growth value reaches. */
public record TierLadder(List<Tier> tiers) {

    public TierLadder {
        tiers = tiers.stream().sorted(Comparator.comparingLong(Tier::minGrowth)).toList();
        if (new HashSet<>(tiers.stream().map(Tier::code).toList()).size() != tiers.size()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "TIER_INVALID", "Tier codes must be unique");
        }
        if (new HashSet<>(tiers.stream().map(Tier::minGrowth).toList()).size() != tiers.size()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "TIER_INVALID", "Two tiers cannot need the same growth");
        }
    }

    /** The highest tier whose minimum the growth reaches; empty below the first tier. */
    public Optional<Tier> reachedBy(long growth) {
        Tier reached = null;
        for (Tier tier : tiers) {
            if (growth >= tier.minGrowth()) {
                reached = tier;
            }
        }
        return Optional.ofNullable(reached);
    }

    /** Position of a tier code in the ladder (-1 for none/unknown), for comparing tiers. */
    public int rank(String code) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** Growth from spend: one point of growth per whole yuan, plus a fixed amount per visit. */
    public static long growthFor(long spendFen, boolean visit) {
        if (spendFen < 0) {
            throw new IllegalArgumentException("spend must not be negative");
        }
        return spendFen / 100 + (visit ? 10 : 0);
    }
}
