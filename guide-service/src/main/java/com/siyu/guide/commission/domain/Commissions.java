package com.siyu.guide.commission.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.guide.binding.domain.Bindings;
import com.siyu.guide.events.domain.GuideEvents;
import com.siyu.guide.roster.domain.GuideStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guides earn commission on what their members buy (分销): each shop order of a PaymentSucceeded is attributed
 * to the member's guide at that moment and earns by the tenant's most specific rule, PENDING until the refund
 * window is over, then SETTLED, then PAID in a payout batch. A refund takes back its share: a negative line,
 * still PENDING inside the window (it nets against the earning when both settle), SETTLED after it (taken off
 * the next payout). Every line is written once per business key (the order, the refund) inside the inbox's
 * transaction, so a redelivered or duplicated event changes nothing. A guide who leaves keeps what they earned.
 */
@Service
public class Commissions {

    public static final int DEFAULT_REFUND_WINDOW_DAYS = 7;

    private final CommissionRepository ledger;
    private final Bindings bindings;
    private final ShareLinks shareLinks;
    private final GuideEvents events;
    private final Clock clock;

    public Commissions(CommissionRepository ledger, Bindings bindings, ShareLinks shareLinks, GuideEvents events, Clock clock) {
        this.ledger = ledger;
        this.bindings = bindings;
        this.shareLinks = shareLinks;
        this.events = events;
        this.clock = clock;
    }

    /** One shop order of a paid payment, as PaymentSucceeded reports it. */
    public record PaidOrder(String orderNo, long merchantId, long storeId, String category, long grossFen, long discountFen) {
    }

    /**
     * Attributes and earns each order once; the inbox's transaction holds it all. {@code attribution}: the share-link
     * token the payment carried (null without one): its guide is credited when {@link ShareLinks#creditFor} says so,
     * else the member's guide at the moment of payment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void paid(String paymentNo, long memberId, Instant paidAt, List<PaidOrder> orders, String attribution) {
        Optional<LinkCredit> link = shareLinks.creditFor(memberId, attribution, paidAt);
        // else the member's guide now; a guide who left (members not handed over yet) earns nothing new
        Long guideId = link.map(LinkCredit::guideId).orElseGet(() -> bindings.guideOf(memberId)
                .filter(b -> b.guide().status() == GuideStatus.ACTIVE).map(b -> b.guide().id()).orElse(null));
        String via = link.isPresent() ? "LINK" : guideId == null ? null : "BINDING";
        Long linkId = link.map(LinkCredit::linkId).orElse(null);
        String campaign = link.map(LinkCredit::campaign).orElse(null);
        List<CommissionRule> rules = guideId == null ? List.of() : ledger.rules();
        Instant settleAfter = paidAt.plus(Duration.ofDays(ledger.policy().refundWindowDays()));
        for (PaidOrder order : orders) {
            long paid = Math.max(0, order.grossFen() - order.discountFen());
            if (!ledger.attribute(new CommissionRepository.NewAttribution(order.orderNo(), paymentNo, memberId, guideId, order.storeId(),
                    order.merchantId(), order.category(), order.grossFen(), paid, paidAt, via, linkId, campaign)) || guideId == null) {
                continue;
            }
            Optional<CommissionRule> rule = CommissionRule.forOrder(rules, order.merchantId(), order.category(), campaign);
            long amount = rule.map(r -> CommissionMath.earn(r, paid)).orElse(0L);
            if (amount > 0) {
                ledger.appendLine(guideId, memberId, order.orderNo(), "EARN", "earn:" + order.orderNo(), paid, amount, "PENDING", settleAfter,
                        clock.instant());
            }
        }
    }

    /**
     * A refund of {@code refundGross} of an order takes back its share of the order's commission, once per refund.
     * A refund whose payment has not been seen yet is refused so the inbox delivers it again later.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refunded(String orderNo, String refundNo, long refundGross) {
        CommissionRepository.Attribution attribution = ledger.lockAttribution(orderNo).orElseThrow(() -> new PaymentNotYetSeen(orderNo));
        Optional<CommissionLine> earn = ledger.earnLine(orderNo);
        if (earn.isPresent()) {
            long back = CommissionMath.reversal(earn.get().amountFen(), attribution.grossFen(), attribution.refundedFen(), refundGross);
            boolean pending = "PENDING".equals(earn.get().status());
            Instant now = clock.instant();
            if (!ledger.appendLine(earn.get().guideId(), attribution.memberId(), orderNo, "REVERSAL", "refund:" + refundNo, refundGross, -back,
                    pending ? "PENDING" : "SETTLED", pending ? earn.get().settleAfter() : now, now)) {
                return;
            }
        } else if (attribution.refundedFen() + refundGross > attribution.grossFen()) {
            return;
        }
        ledger.addRefunded(orderNo, refundGross);
    }

    public List<CommissionRule> rules() {
        return ledger.rules();
    }

    public long addRule(Long merchantId, String category, String campaign, CommissionRule.Kind kind, long value, Long capFen) {
        if (kind == CommissionRule.Kind.PERCENT && value > 10_000) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "A PERCENT rule's value is basis points: at most 10000 (100 %)");
        }
        return ledger.addRule(merchantId, category, campaign, kind, value, capFen, clock.instant());
    }

    public void deactivateRule(long id) {
        if (!ledger.deactivateRule(id)) {
            throw DomainException.notFound("Commission rule", id);
        }
    }

    public CommissionRepository.Policy policy() {
        return ledger.policy();
    }

    /** Null fields keep the current value. */
    public CommissionRepository.Policy setPolicy(Integer refundWindowDays, Integer linkAttributionDays) {
        CommissionRepository.Policy now = ledger.policy();
        CommissionRepository.Policy next = new CommissionRepository.Policy(refundWindowDays == null ? now.refundWindowDays() : refundWindowDays,
                linkAttributionDays == null ? now.linkAttributionDays() : linkAttributionDays);
        ledger.setPolicy(next, clock.instant());
        return next;
    }

    /** Settles the tenant's commission whose refund window is over (what the job does for every tenant); how many lines settled. */
    @Transactional
    public int settleDue() {
        Instant now = clock.instant();
        return announce(ledger.settleDue(now, false), now);
    }

    @Scheduled(fixedDelayString = "${siyu.guide.commission-settle-interval:PT10M}", initialDelayString = "PT2M")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "guide.commission-settle", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    @Transactional
    public void settleEveryTenant() {
        Instant now = clock.instant();
        announce(ledger.settleDue(now, true), now);
    }

    /** CommissionSettled per guide and run, in the run's transaction. */
    private int announce(List<CommissionRepository.Settled> settled, Instant at) {
        int lines = 0;
        for (CommissionRepository.Settled s : settled) {
            events.publish(s.tenantId(), "CommissionSettled", Map.of("guideId", s.guideId(), "lines", s.lines(), "amountFen", s.amountFen(),
                    "settledAt", at.toString()));
            lines += s.lines();
        }
        return lines;
    }

    /** A payout batch of everything SETTLED (guides whose settled sum is positive); 409 NOTHING_TO_PAY when empty. */
    public long payout(Long staffId) {
        Long id = ledger.payout(staffId, clock.instant());
        if (id == null) {
            throw new DomainException(HttpStatus.CONFLICT, "NOTHING_TO_PAY", "No guide has settled commission to pay");
        }
        return id;
    }

    public Map<String, Object> payoutSummary(long id) {
        Map<String, Object> summary = ledger.payoutSummary(id);
        if (summary == null) {
            throw DomainException.notFound("Payout", id);
        }
        return summary;
    }

    public List<Map<String, Object>> payoutGuides(long id) {
        payoutSummary(id);
        return ledger.payoutGuides(id);
    }

    public List<CommissionLine> linesOf(long guideId, String status, long beforeId, int limit) {
        return ledger.linesOf(guideId, status, beforeId, limit);
    }

    public List<CommissionRepository.Purchase> purchasesOf(long memberId, int limit) {
        return ledger.purchasesOf(memberId, limit);
    }

    public Map<String, Long> totalsFromMember(long memberId) {
        return ledger.totalsFromMember(memberId);
    }

    public Map<String, Long> totalsOf(long guideId) {
        return ledger.totalsOf(guideId);
    }
}
