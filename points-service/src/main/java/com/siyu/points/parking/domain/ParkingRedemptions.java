package com.siyu.points.parking.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.points.account.domain.BizType;
import com.siyu.points.account.domain.JournalEntry;
import com.siyu.points.account.domain.MovementKind;
import com.siyu.points.account.domain.PointsChange;
import com.siyu.points.account.domain.PointsLedger;
import com.siyu.points.earning.domain.Earnings;
import com.siyu.points.earning.domain.PointsPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Paying for parking with points: a spend at the car park "store", at the tenant's points per hour. */
@Service
public class ParkingRedemptions {

    private final PointsLedger ledger;
    private final Earnings earnings;

    public ParkingRedemptions(PointsLedger ledger, Earnings earnings) {
        this.ledger = ledger;
        this.earnings = earnings;
    }

    /** Redeems {@code hours} of parking session {@code sessionId} once; a repeat returns the first redemption. */
    public JournalEntry redeem(long memberId, String sessionId, int hours) {
        PointsPolicy policy = earnings.policy();
        if (policy.parkingPointsPerHour() == null) {
            throw new DomainException(HttpStatus.CONFLICT, "PARKING_NOT_OFFERED", "This mall does not take points for parking");
        }
        long points = Math.multiplyExact(policy.parkingPointsPerHour(), hours);
        return ledger.debit(new PointsChange(memberId, -points, BizType.PARKING, "parking:" + sessionId, policy.parkingStoreId(),
                "parking " + hours + " h, session " + sessionId, null), MovementKind.PARKING);
    }
}
