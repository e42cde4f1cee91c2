package com.siyu.points.account.api;

import com.siyu.points.account.domain.BizType;
import com.siyu.points.account.domain.PointsChange;
import com.siyu.points.account.domain.PointsLedger;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Called by payment-service inside its Seata global transaction: the spend is an AT branch (the
 * XID arrives in the TX_XID header) and is undone if the global transaction rolls back.
 */
@RestController
class PointsInternalController {

    private final PointsLedger ledger;

    PointsInternalController(PointsLedger ledger) {
        this.ledger = ledger;
    }

    @PostMapping("/internal/points/spends")
    JournalEntryResponse spend(@Valid @RequestBody SpendRequest request) {
        return JournalEntryResponse.of(ledger.apply(new PointsChange(request.memberId(), -request.points(),
                BizType.PAYMENT_SPEND, request.bizId(), request.storeId(), "payment " + request.bizId(), null)));
    }
}
