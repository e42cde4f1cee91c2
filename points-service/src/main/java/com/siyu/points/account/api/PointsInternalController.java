package com.siyu.points.account.api;

import com.siyu.points.account.domain.AccountState;
import com.siyu.points.account.domain.BizType;
import com.siyu.points.account.domain.MovementKind;
import com.siyu.points.account.domain.PointsChange;
import com.siyu.points.account.domain.PointsLedger;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Called by other services. Spend, reserve, confirm and release are AT branches when payment-service
 * calls them inside its Seata global transaction (the XID arrives in the TX_XID header); each touches
 * only this member's rows (balance row, journal line, lots, movement lines, reservation).
 */
@RestController
@Validated
class PointsInternalController {

    private final PointsLedger ledger;
    private final com.siyu.points.client.References references;

    PointsInternalController(PointsLedger ledger, com.siyu.points.client.References references) {
        this.references = references;
        this.ledger = ledger;
    }

    /** Spend at payment, confirmed at once. Response: the journal line (id, balanceAfter, ...). */
    @PostMapping("/internal/points/spends")
    JournalEntryResponse spend(@Valid @RequestBody SpendRequest request) {
        references.store("storeId", request.storeId());
        return JournalEntryResponse.of(ledger.debit(new PointsChange(request.memberId(), -request.points(),
                BizType.PAYMENT_SPEND, request.bizId(), request.storeId(), "payment " + request.bizId(), null), MovementKind.SPEND));
    }

    @PostMapping("/internal/points/reservations")
    ReservationResponse reserve(@Valid @RequestBody ReservationRequest request) {
        references.store("storeId", request.storeId());
        PointsLedger.Held held = ledger.reserve(request.memberId(), request.points(), request.bizId(), request.storeId());
        return ReservationResponse.of(held.reservation(), held.balanceAfter());
    }

    @PostMapping("/internal/points/reservations/{bizId}/confirm")
    ReservationResponse confirm(@PathVariable @Pattern(regexp = "[A-Za-z0-9_:.\\-]{1,64}") String bizId) {
        return ReservationResponse.of(ledger.confirm(bizId), null);
    }

    @PostMapping("/internal/points/reservations/{bizId}/release")
    ReservationResponse release(@PathVariable @Pattern(regexp = "[A-Za-z0-9_:.\\-]{1,64}") String bizId) {
        PointsLedger.Released released = ledger.release(bizId);
        return ReservationResponse.of(released.reservation(), released.entry().balanceAfter());
    }

    /** For member-service's 360 profile. */
    @GetMapping("/internal/points/accounts/{memberId}")
    BalanceResponse account(@PathVariable long memberId) {
        AccountState state = ledger.state(memberId).orElse(new AccountState(0, memberId, 0, 0));
        return new BalanceResponse(memberId, state.balance(), state.debt());
    }
}
