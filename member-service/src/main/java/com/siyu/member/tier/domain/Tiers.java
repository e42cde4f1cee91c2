package com.siyu.member.tier.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.member.member.domain.Member;
import com.siyu.member.member.domain.Members;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Growth and tiers: growth comes from purchases and visits (each business event once); a member is
 * upgraded the moment growth reaches a higher tier, and downgraded only by the scheduled evaluation,
 * which keeps the tier earned within the trailing window.
 */
@Service
public class Tiers {

    public static final Duration WINDOW = Duration.ofDays(365);

    public record GrowthResult(long memberId, long growth, String tier, boolean applied) {
    }

    private final TierRepository tiers;
    private final Members members;

    public Tiers(TierRepository tiers, Members members) {
        this.tiers = tiers;
        this.members = members;
    }

    @Transactional
    public TierLadder define(List<Tier> ladder) {
        TierLadder validated = new TierLadder(ladder);
        tiers.replaceAll(validated.tiers());
        return tiers.ladder();
    }

    public TierLadder ladder() {
        return tiers.ladder();
    }

    /**
     * A refund of purchase {@code purchaseBizId} (the shop order whose growth was recorded) takes back the
     * growth and spend it added, on the member the purchase was recorded on, once per refund: negative lines
     * keyed {@code <purchase>/<refund>}. Cumulative like the refund itself: after refunds of the whole purchase
     * exactly its growth is gone, whatever the split. No visit is taken back; the tier is lowered by the
     * scheduled evaluation, not at once. A purchase whose growth was never recorded has nothing to take back.
     */
    @Transactional
    public GrowthResult reverse(String purchaseBizId, String refundBizId, long spendFen, Long storeId, String category, Instant at) {
        Optional<Long> owner = tiers.lockGrowth(purchaseBizId);
        if (owner.isEmpty() || spendFen <= 0) {
            return new GrowthResult(owner.orElse(0L), 0, null, false);
        }
        long memberId = owner.get();
        long before = tiers.reversedSpend(purchaseBizId);
        long growth = Math.floorDiv(before + spendFen, 100) - Math.floorDiv(before, 100);
        GrowthEvent reversal = new GrowthEvent(memberId, purchaseBizId + "/" + refundBizId, -spendFen, storeId, category, at);
        Member member = members.get(memberId);
        if (!tiers.appendGrowth(reversal, -growth)) {
            return new GrowthResult(member.id(), member.growth(), member.tierCode(), false);
        }
        long total = tiers.takeFromMember(memberId, growth, spendFen);
        return new GrowthResult(memberId, total, member.tierCode(), true);
    }

    @Transactional
    public GrowthResult record(GrowthEvent event) {
        Member member = members.resolve(event.memberId());
        long growth = TierLadder.growthFor(event.spendFen(), true);
        GrowthEvent forMember = new GrowthEvent(member.id(), event.bizId(), event.spendFen(), event.storeId(), event.category(), event.occurredAt());
        if (!tiers.appendGrowth(forMember, growth)) {
            Member current = members.get(member.id());
            return new GrowthResult(current.id(), current.growth(), current.tierCode(), false);
        }
        long total = tiers.addToMember(member.id(), growth, event.spendFen(), event.occurredAt());
        TierLadder ladder = tiers.ladder();
        Optional<Tier> reached = ladder.reachedBy(total);
        String tier = member.tierCode();
        if (reached.isPresent() && ladder.rank(reached.get().code()) > ladder.rank(member.tierCode())) {
            tier = reached.get().code();
            tiers.setTier(member.id(), tier);
        }
        return new GrowthResult(member.id(), total, tier, true);
    }

    /** Re-evaluates every member of the tenant as of {@code asOf}; returns how many tiers changed. */
    @Transactional
    public int evaluate(Instant asOf) {
        if (asOf == null) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "asOf is required");
        }
        TierLadder ladder = tiers.ladder();
        Map<Long, Long> recent = tiers.growthSince(asOf.minus(WINDOW));
        int changed = 0;
        for (Map.Entry<Long, String> current : tiers.currentTiers().entrySet()) {
            long growth = recent.getOrDefault(current.getKey(), 0L);
            String deserved = ladder.reachedBy(growth).map(Tier::code).orElse(null);
            if (ladder.rank(deserved) < ladder.rank(current.getValue())) {
                tiers.setTier(current.getKey(), deserved);
                changed++;
            }
        }
        return changed;
    }
}
