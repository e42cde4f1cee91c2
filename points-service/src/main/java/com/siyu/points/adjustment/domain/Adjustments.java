package com.siyu.points.adjustment.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.points.account.domain.BizType;
import com.siyu.points.account.domain.JournalEntry;
import com.siyu.points.account.domain.LotRepository;
import com.siyu.points.account.domain.MovementKind;
import com.siyu.points.account.domain.PointsChange;
import com.siyu.points.account.domain.PointsLedger;
import com.siyu.points.earning.domain.Earnings;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operator adjustments, always with a reason. Up to the threshold they apply at once; above it they
 * wait for a manager who is not the requester (four eyes), and reach the ledger only when approved.
 */
@Service
public class Adjustments {

    /** Either the applied journal line or the request now waiting for approval. */
    public record Outcome(JournalEntry applied, AdjustmentRequest pending) {
    }

    private final PointsLedger ledger;
    private final Earnings earnings;
    private final AdjustmentRequests requests;
    private final long approvalThreshold;

    public Adjustments(PointsLedger ledger, Earnings earnings, AdjustmentRequests requests,
                       @Value("${siyu.points.adjustment.approval-threshold:100000}") long approvalThreshold) {
        this.ledger = ledger;
        this.earnings = earnings;
        this.requests = requests;
        this.approvalThreshold = approvalThreshold;
    }

    public Outcome adjust(long memberId, long points, String reason, Long storeId, long staffId, String bizId) {
        if (Math.abs(points) > approvalThreshold) {
            return new Outcome(null, requests.insert(memberId, points, reason, storeId, staffId));
        }
        return new Outcome(apply(memberId, points, reason, storeId, staffId, bizId), null);
    }

    @Transactional
    public AdjustmentRequest approve(long requestId, long approverId) {
        AdjustmentRequest request = requests.find(requestId).orElseThrow(() -> DomainException.notFound("Adjustment request", requestId));
        if (request.requestedBy() == approverId) {
            throw new DomainException(HttpStatus.CONFLICT, "APPROVER_IS_REQUESTER", "A large adjustment needs a second person to approve it");
        }
        if (!requests.decide(requestId, AdjustmentRequest.Status.APPROVED, approverId)) {
            throw new DomainException(HttpStatus.CONFLICT, "ADJUSTMENT_ALREADY_DECIDED", "Adjustment request " + requestId + " was already decided");
        }
        JournalEntry entry = apply(request.memberId(), request.points(), request.reason() + " (approved by staff " + approverId + ")",
                request.storeId(), request.requestedBy(), "adjreq:" + requestId);
        requests.linkJournal(requestId, entry.id());
        return requests.find(requestId).orElseThrow();
    }

    public AdjustmentRequest reject(long requestId, long deciderId) {
        requests.find(requestId).orElseThrow(() -> DomainException.notFound("Adjustment request", requestId));
        if (!requests.decide(requestId, AdjustmentRequest.Status.REJECTED, deciderId)) {
            throw new DomainException(HttpStatus.CONFLICT, "ADJUSTMENT_ALREADY_DECIDED", "Adjustment request " + requestId + " was already decided");
        }
        return requests.find(requestId).orElseThrow();
    }

    public List<AdjustmentRequest> pending() {
        return requests.list(AdjustmentRequest.Status.PENDING, 200);
    }

    private JournalEntry apply(long memberId, long points, String reason, Long storeId, long staffId, String bizId) {
        PointsChange change = new PointsChange(memberId, points, BizType.ADJUSTMENT, bizId, storeId, reason, staffId);
        return points > 0
                ? ledger.credit(change, LotRepository.LotSource.of(storeId, earnings.expiryOfCreditToday(), null))
                : ledger.debit(change, MovementKind.ADJUSTMENT);
    }
}
