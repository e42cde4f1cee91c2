package com.siyu.points.refund.domain;

import com.siyu.points.account.domain.JournalEntry;
import com.siyu.points.account.domain.LotRepository;
import com.siyu.points.account.domain.PointsLedger;
import com.siyu.points.earning.domain.Earnings;
import com.siyu.points.merge.domain.AccountMerges;
import com.siyu.points.earning.domain.Reversed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a refund of a payment changes in the member's points, as ONE local transaction (one Seata AT
 * branch of payment-service's refund): the points the payment spent go back in proportion, and the
 * points the refunded shop order earned are taken back in proportion. One call, because this TC undoes
 * branches in registration order and two branches on one member's balance row cannot be undone.
 * Each part is applied once per refund id. A refund of an absorbed member's payment (made before its
 * merge) is applied to that member's ledger as it stood, then what it came to hold moves on to the survivor.
 */
@Service
public class Refunds {

    private final PointsLedger ledger;
    private final Earnings earnings;
    private final LotRepository lots;
    private final AccountMerges merges;

    public Refunds(PointsLedger ledger, Earnings earnings, LotRepository lots, AccountMerges merges) {
        this.ledger = ledger;
        this.earnings = earnings;
        this.lots = lots;
        this.merges = merges;
    }

    /**
     * {@code returnPoints} of payment {@code paymentBizId}'s confirmed reservation go back; {@code refundFen}
     * of what shop order {@code earnBizId} paid is refunded, so its earned points are reversed in proportion.
     * A shop order that earned nothing (no lot: the rules gave 0 points) has nothing to reverse.
     */
    @Transactional
    public Refunded refund(RefundCommand command) {
        JournalEntry returned = command.returnPoints() > 0
                ? ledger.giveBackSpent(command.memberId(), command.paymentBizId(), command.refundBizId(), command.returnPoints())
                : null;
        Reversed reversed = null;
        if (command.earnBizId() != null && command.refundFen() > 0 && lots.earnedBy(command.memberId(), command.earnBizId()).isPresent()) {
            reversed = earnings.reverse(command.memberId(), command.refundBizId(), command.earnBizId(), command.refundFen());
        }
        // a payment made before its member was merged into another: what came back goes on to the survivor
        merges.forward(command.memberId(), command.refundBizId());
        long balance = ledger.state(command.memberId()).map(s -> s.balance()).orElse(0L);
        return new Refunded(command.refundBizId(), returned == null ? 0 : returned.delta(), reversed == null ? 0 : reversed.points(),
                reversed == null ? 0 : reversed.debtRecorded(), balance);
    }

    public record RefundCommand(long memberId, String refundBizId, String paymentBizId, long returnPoints, String earnBizId,
                                long refundFen) {
    }

    /** {@code returned} points given back, {@code reversed} earned points taken back ({@code debtRecorded} of them owed). */
    public record Refunded(String refundBizId, long returned, long reversed, long debtRecorded, long balanceAfter) {
    }
}
