package com.siyu.points.earning.domain;

import com.siyu.points.account.domain.AccountState;
import com.siyu.points.account.domain.BizType;
import com.siyu.points.account.domain.JournalEntry;
import com.siyu.points.account.domain.Lot;
import com.siyu.points.account.domain.LotConsumption;
import com.siyu.points.account.domain.LotRepository;
import com.siyu.points.account.domain.LotTake;
import com.siyu.points.account.domain.MovementKind;
import com.siyu.points.account.domain.PointsChange;
import com.siyu.points.account.domain.PointsLedger;
import com.siyu.points.account.domain.PointsRepository;
import com.siyu.points.client.TenantZones;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/**
 * Points earned on payments and taken back on refunds. Both run as one local transaction (an AT
 * branch inside payment-service's global transaction) that first locks this member's balance row,
 * so the daily cap and the refund plan are decided on current numbers.
 */
@Service
public class Earnings {

    private final PointsLedger ledger;
    private final PointsRepository points;
    private final LotRepository lots;
    private final PolicyRepository policies;
    private final TenantZones zones;
    private final Clock clock;

    public Earnings(PointsLedger ledger, PointsRepository points, LotRepository lots, PolicyRepository policies, TenantZones zones,
                    Clock clock) {
        this.ledger = ledger;
        this.points = points;
        this.lots = lots;
        this.policies = policies;
        this.zones = zones;
        this.clock = clock;
    }

    public PointsPolicy policy() {
        return policies.policy().orElse(PointsPolicy.DEFAULT);
    }

    /** The last valid day of points credited now (operator grants follow the same expiry as earnings); null = never. */
    public LocalDate expiryOfCreditToday() {
        PointsPolicy policy = policy();
        return policy.expiryMonths() == null ? null : policy.expiresOn(LocalDate.ofInstant(clock.instant(), zones.zone()));
    }

    public Earned earn(EarnCommand command) {
        PointsPolicy policy = policy();
        List<EarnRule> rules = policies.rules();
        Instant at = command.paidAt() != null ? command.paidAt() : clock.instant();
        boolean needsZone = policy.dailyEarnCap() != null || policy.expiryMonths() != null;
        ZoneId zone = needsZone ? zones.zone() : ZoneId.of("UTC");
        LocalDate day = LocalDate.ofInstant(at, zone);
        Purchase purchase = new Purchase(command.amountFen(), command.storeId(), command.merchantId(), command.category(),
                command.memberTier(), at);
        AtomicReference<EarnQuote> quoted = new AtomicReference<>();
        JournalEntry entry = ledger.once(BizType.EARN, command.bizId(), () -> {
            points.ensureAccount(command.memberId());
            AccountState account = ledger.lock(command.memberId());
            long earnedToday = policy.dailyEarnCap() == null ? 0
                    : points.earnedSince(command.memberId(), day.atStartOfDay(zone).toInstant());
            EarnQuote quote = EarnCalculator.quote(rules, purchase, earnedToday, policy.dailyEarnCap());
            quoted.set(quote);
            if (quote.points() == 0) {
                return null;
            }
            return ledger.creditLocked(account,
                    new PointsChange(command.memberId(), quote.points(), BizType.EARN, command.bizId(), command.storeId(),
                            "earned on payment " + command.bizId(), null),
                    new LotRepository.LotSource(command.storeId(), command.merchantId(), policy.expiresOn(day), command.bizId(),
                            command.amountFen()),
                    quote.points());
        });
        if (entry == null) {
            return new Earned(null, 0, 0, quoted.get());
        }
        return new Earned(entry, entry.delta() - entry.debtDelta(), -entry.debtDelta(), quoted.get());
    }

    /** Takes back points in proportion to {@code refundFen} of payment {@code earnBizId}; once per refund id. */
    public Reversed reverse(long memberId, String refundBizId, String earnBizId, long refundFen) {
        PointsPolicy policy = policy();
        JournalEntry entry = ledger.once(BizType.EARN_REVERSAL, refundBizId, () -> {
            AccountState account = points.lockAccount(memberId).orElseThrow(() -> new EarningNotFound(memberId, earnBizId));
            Lot lot = lots.earnedBy(memberId, earnBizId).orElseThrow(() -> new EarningNotFound(memberId, earnBizId));
            if (lot.refundedFen() + refundFen > lot.amountFen()) {
                throw new RefundExceedsPayment(earnBizId, lot.amountFen(), lot.refundedFen(), refundFen);
            }
            long toReverse = ProportionalReversal.points(lot.earnedPoints(), lot.amountFen(), lot.refundedFen(), refundFen,
                    lot.reversedPoints());
            ProportionalReversal.Plan plan = ProportionalReversal.plan(toReverse, lot.remaining(), account.balance());
            if (plan.shortfall() > 0 && policy.refundShortfall() == PointsPolicy.RefundShortfall.REJECT) {
                throw new PointsAlreadySpent(toReverse, plan.shortfall());
            }
            if (!lots.recordRefund(lot.id(), refundFen, toReverse)) {
                throw new RefundExceedsPayment(earnBizId, lot.amountFen(), lot.refundedFen(), refundFen);
            }
            if (plan.fromBalance() > 0 && !points.applyDelta(memberId, -plan.fromBalance())) {
                throw new IllegalStateException("reversal of " + refundBizId + " refused under the row lock");
            }
            if (plan.shortfall() > 0 && !points.applyDebt(memberId, plan.shortfall())) {
                throw new IllegalStateException("debt of " + refundBizId + " refused");
            }
            JournalEntry reversal = points.append(account.id(), new PointsChange(memberId, -plan.fromBalance(), plan.shortfall(),
                    BizType.EARN_REVERSAL, refundBizId, lot.issuingStoreId(), "refund of payment " + earnBizId, null),
                    account.balance() - plan.fromBalance());
            List<LotTake> takes = new ArrayList<>();
            if (plan.fromEarnedLot() > 0) {
                takes.add(new LotTake(lot.id(), lot.issuingStoreId(), plan.fromEarnedLot()));
            }
            if (plan.fromOtherLots() > 0) {
                takes.addAll(LotConsumption.fifo(lots.open(memberId).stream().filter(l -> l.id() != lot.id()).toList(),
                        plan.fromOtherLots()));
            }
            for (LotTake take : takes) {
                if (!lots.take(take.lotId(), take.points())) {
                    throw new IllegalStateException("lot " + take.lotId() + " could not give " + take.points() + " points");
                }
            }
            lots.appendMovements(reversal.id(), memberId, MovementKind.REVERSAL, null, takes);
            return reversal;
        });
        return new Reversed(entry, -entry.delta() + entry.debtDelta(), -entry.delta(), entry.debtDelta());
    }
}
