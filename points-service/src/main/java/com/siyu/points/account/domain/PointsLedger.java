package com.siyu.points.account.domain;

import com.siyu.common.problem.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The points ledger. Every change is one local transaction (a Seata AT branch when it runs inside a
 * global transaction) that touches only this member's rows: the balance row first (one conditional
 * update, or a row lock where the amount depends on the state), then one journal line, then the
 * member's lots and one movement line per lot. No read-check-write: the database decides whether
 * the balance suffices and whether the business id was seen before. Because every change updates or
 * locks the balance row first, changes of one member are serialized and the lots read after it are
 * current; lot updates are conditional anyway, so a broken ledger fails loudly instead of drifting.
 */
@Service
public class PointsLedger {

    private final PointsRepository points;
    private final LotRepository lots;
    private final ReservationRepository reservations;
    private final Events events;
    private final TransactionTemplate tx;

    public PointsLedger(PointsRepository points, LotRepository lots, ReservationRepository reservations, Events events,
                        TransactionTemplate tx) {
        this.points = points;
        this.lots = lots;
        this.reservations = reservations;
        this.events = events;
        this.tx = tx;
    }

    /**
     * Runs {@code work} once per business event: a repeat (sequential or racing) gets the first
     * journal line back and changes nothing. {@code work} runs in one transaction.
     */
    public JournalEntry once(BizType type, String bizId, Supplier<JournalEntry> work) {
        Optional<JournalEntry> first = points.findEntry(type, bizId);
        if (first.isPresent()) {
            return first.get();
        }
        try {
            return tx.execute(status -> work.get());
        } catch (DuplicateKeyException raced) {
            // a concurrent delivery of the same event won; ours rolled back entirely
            return points.findEntry(type, bizId).orElseThrow(() -> raced);
        }
    }

    /** Credits points as a new lot (after paying off any recorded debt). */
    public JournalEntry credit(PointsChange change, LotRepository.LotSource source) {
        if (change.delta() <= 0) {
            throw new IllegalArgumentException("a credit must be positive");
        }
        return ownedBy(change.memberId(), once(change.bizType(), change.bizId(), () -> {
            points.ensureAccount(change.memberId());
            return creditLocked(lock(change.memberId()), change, source, change.delta());
        }));
    }

    /**
     * Inside a transaction that holds the balance-row lock: pays off debt first, credits the rest,
     * appends the journal line and the lot. {@code earned} is what the event earned in total.
     */
    public JournalEntry creditLocked(AccountState account, PointsChange change, LotRepository.LotSource source, long earned) {
        long toDebt = Math.min(account.debt(), earned);
        long credited = earned - toDebt;
        if (toDebt > 0 && !points.applyDebt(account.memberId(), -toDebt)) {
            throw new IllegalStateException("debt of member " + account.memberId() + " changed under its row lock");
        }
        if (credited > 0 && !points.applyDelta(account.memberId(), credited)) {
            throw new IllegalStateException("credit of member " + account.memberId() + " refused");
        }
        JournalEntry entry = points.append(account.id(), change.withAmounts(credited, -toDebt), account.balance() + credited);
        if (credited > 0 || source.amountFen() > 0) {
            lots.insert(account.id(), account.memberId(), entry.id(), source, credited, earned);
        }
        return entry;
    }

    /** Debits points from the member's lots, soonest expiry first, recording which lots (and stores) paid. */
    public JournalEntry debit(PointsChange change, MovementKind kind) {
        if (change.delta() >= 0) {
            throw new IllegalArgumentException("a debit must be negative");
        }
        return ownedBy(change.memberId(), once(change.bizType(), change.bizId(), () -> debitNow(change, kind)));
    }

    /**
     * A business id is scoped to whoever used it first: a repeat by the same member replays, the same id
     * from another member (a shopper pasting someone else's parking session) is refused, revealing nothing.
     */
    private static JournalEntry ownedBy(long memberId, JournalEntry entry) {
        if (entry.memberId() != memberId) {
            throw new DomainException(HttpStatus.CONFLICT, "BIZ_ID_TAKEN", "This business id was already used; choose another");
        }
        return entry;
    }

    private JournalEntry debitNow(PointsChange change, MovementKind kind) {
        long wanted = -change.delta();
        if (!points.applyDelta(change.memberId(), change.delta())) {
            throw new PointsInsufficient(wanted, points.account(change.memberId()).map(AccountState::balance).orElse(0L));
        }
        AccountState account = points.account(change.memberId()).orElseThrow();
        JournalEntry entry = points.append(account.id(), change, account.balance());
        List<LotTake> takes = LotConsumption.fifo(lots.open(change.memberId()), wanted);
        for (LotTake take : takes) {
            if (!lots.take(take.lotId(), take.points())) {
                throw new IllegalStateException("lot " + take.lotId() + " could not give " + take.points() + " points");
            }
        }
        lots.appendMovements(entry.id(), change.memberId(), kind, change.storeId(), takes);
        return entry;
    }

    /** Holds points for a payment not confirmed yet: they leave the balance now, confirm or release decides. */
    public Held reserve(long memberId, long amount, String bizId, Long storeId) {
        JournalEntry entry = once(BizType.RESERVE, bizId, () -> {
            JournalEntry debited = debitNow(new PointsChange(memberId, -amount, BizType.RESERVE, bizId, storeId,
                    "held for payment " + bizId, null), MovementKind.RESERVE);
            reservations.insert(memberId, bizId, amount, storeId, debited.id());
            return debited;
        });
        Reservation reservation = reservations.find(bizId).orElseThrow();
        if (reservation.memberId() != memberId || reservation.points() != amount) {
            throw new DomainException(HttpStatus.CONFLICT, "RESERVATION_MISMATCH",
                    "Payment " + bizId + " already holds " + reservation.points() + " points of member " + reservation.memberId());
        }
        return new Held(reservation, entry.balanceAfter());
    }

    /** The payment succeeded: the held points stay spent. Repeats are no-ops. */
    public Reservation confirm(String bizId) {
        if (reservations.transition(bizId, Reservation.Status.HELD, Reservation.Status.CONFIRMED)) {
            return reservations.find(bizId).orElseThrow();
        }
        Reservation reservation = reservations.find(bizId).orElseThrow(() -> reservationNotFound(bizId));
        if (reservation.status() == Reservation.Status.RELEASED) {
            throw new ReservationNotHeld(bizId, reservation.status());
        }
        return reservation;
    }

    /** The payment failed or was cancelled: the held points go back to the very lots they came from. */
    public Released release(String bizId) {
        Released released = tx.execute(status -> {
            if (!reservations.transition(bizId, Reservation.Status.HELD, Reservation.Status.RELEASED)) {
                return null;
            }
            Reservation reservation = reservations.find(bizId).orElseThrow();
            if (!points.applyDelta(reservation.memberId(), reservation.points())) {
                throw new IllegalStateException("release of " + bizId + " refused");
            }
            AccountState account = points.account(reservation.memberId()).orElseThrow();
            JournalEntry entry = points.append(account.id(), new PointsChange(reservation.memberId(), reservation.points(),
                    BizType.RELEASE, bizId, reservation.storeId(), "released by payment " + bizId, null), account.balance());
            List<LotTake> back = lots.movementsOf(reservation.journalId()).stream()
                    .map(take -> new LotTake(take.lotId(), take.issuingStoreId(), -take.points())).toList();
            for (LotTake take : back) {
                if (!lots.giveBack(take.lotId(), -take.points())) {
                    throw new IllegalStateException("lot " + take.lotId() + " cannot take back " + -take.points() + " points");
                }
            }
            lots.appendMovements(entry.id(), reservation.memberId(), MovementKind.RELEASE, reservation.storeId(), back);
            return new Released(reservation, entry);
        });
        if (released != null) {
            return released;
        }
        Reservation reservation = reservations.find(bizId).orElseThrow(() -> reservationNotFound(bizId));
        if (reservation.status() == Reservation.Status.CONFIRMED) {
            throw new ReservationNotHeld(bizId, reservation.status());
        }
        return new Released(reservation, points.findEntry(BizType.RELEASE, bizId).orElseThrow());
    }

    /**
     * A refund gives {@code amount} of the points a confirmed reservation spent back to the member, into
     * the lots they came from (so the issuing store's liability moves back too: REFUND movement lines
     * undo the settlement lines of the spend). Once per refund id; never more than was spent in total.
     * A lot that expired meanwhile gets its points back and expires again on the next expiry run.
     */
    public JournalEntry giveBackSpent(long memberId, String reservationBizId, String refundBizId, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("points to give back must be positive");
        }
        return once(BizType.REFUND_RETURN, refundBizId, () -> {
            Reservation reservation = reservations.find(reservationBizId).orElseThrow(() -> reservationNotFound(reservationBizId));
            if (reservation.memberId() != memberId) {
                throw reservationNotFound(reservationBizId);
            }
            if (reservation.status() != Reservation.Status.CONFIRMED) {
                throw new ReservationNotHeld(reservationBizId, reservation.status());
            }
            // the balance-row lock serializes this member's changes: what was returned is read current after it
            AccountState account = lock(memberId);
            long before = reservations.returned(reservationBizId);
            if (before + amount > reservation.points()) {
                throw new DomainException(HttpStatus.CONFLICT, "POINTS_RETURN_EXCEEDS_SPENT", "Payment " + reservationBizId + " spent "
                        + reservation.points() + " points and " + before + " were returned; " + amount + " more cannot be",
                        Map.of("spent", reservation.points(), "returned", before));
            }
            if (!reservations.addReturned(reservationBizId, before, amount)) {
                throw new IllegalStateException("return of " + refundBizId + " raced under the balance-row lock");
            }
            if (!points.applyDelta(memberId, amount)) {
                throw new IllegalStateException("return of " + refundBizId + " refused");
            }
            JournalEntry entry = points.append(account.id(), new PointsChange(memberId, amount, BizType.REFUND_RETURN, refundBizId,
                    reservation.storeId(), "returned by refund " + refundBizId + " of payment " + reservationBizId, null),
                    account.balance() + amount);
            List<LotTake> back = LotConsumption.returning(lots.movementsOf(reservation.journalId()), before, amount);
            for (LotTake take : back) {
                if (!lots.giveBack(take.lotId(), -take.points())) {
                    throw new IllegalStateException("lot " + take.lotId() + " cannot take back " + -take.points() + " points");
                }
            }
            lots.appendMovements(entry.id(), memberId, MovementKind.REFUND, reservation.storeId(), back);
            return entry;
        });
    }

    /**
     * Expires what is left of a lot whose last valid day is before {@code today} (tenant time zone).
     * Once per lot and day: a lot given back after expiring (a released reservation) expires on the next run.
     * Returns null when nothing was left to expire.
     */
    public JournalEntry expire(long memberId, long lotId, java.time.LocalDate today) {
        return once(BizType.EXPIRY, "exp-" + lotId + "-" + today, () -> {
            AccountState account = lock(memberId);
            Lot lot = lots.find(lotId).orElseThrow();
            if (lot.remaining() == 0 || lot.expiresOn() == null || !lot.expiresOn().isBefore(today)) {
                return null;
            }
            if (!points.applyDelta(memberId, -lot.remaining()) || !lots.take(lotId, lot.remaining())) {
                throw new IllegalStateException("expiry of lot " + lotId + " refused: ledger out of balance");
            }
            JournalEntry entry = points.append(account.id(), new PointsChange(memberId, -lot.remaining(), BizType.EXPIRY,
                    "exp-" + lotId + "-" + today, lot.issuingStoreId(), "expired after " + lot.expiresOn(), null),
                    account.balance() - lot.remaining());
            lots.appendMovements(entry.id(), memberId, MovementKind.EXPIRY, null,
                    List.of(new LotTake(lotId, lot.issuingStoreId(), lot.remaining())));
            events.append("points.expired", Map.of("memberId", memberId, "lotId", lotId, "points", lot.remaining(),
                    "expiredOn", lot.expiresOn().plusDays(1).toString(), "balanceAfter", entry.balanceAfter()));
            return entry;
        });
    }

    /** Locks the member's balance row; the member must have an account. */
    public AccountState lock(long memberId) {
        return points.lockAccount(memberId).orElseThrow(() -> new PointsInsufficient(0, 0));
    }

    public Account account(long memberId) {
        Optional<AccountState> state = points.account(memberId);
        if (state.isEmpty()) {
            return new Account(memberId, 0, 0, List.of(), List.of());
        }
        return new Account(memberId, state.get().balance(), state.get().debt(), points.history(memberId, null, 20),
                lots.all(memberId, 50));
    }

    public Optional<AccountState> state(long memberId) {
        return points.account(memberId);
    }

    /** The member's journal with the running balance, newest first, for a member-facing history. */
    public List<JournalEntry> history(long memberId, Long beforeId, int limit) {
        return points.history(memberId, beforeId, limit);
    }

    public Optional<JournalEntry> findEntry(BizType type, String bizId) {
        return points.findEntry(type, bizId);
    }

    public JournalEntry entry(BizType type, String bizId) {
        return points.findEntry(type, bizId).orElseThrow(() -> DomainException.notFound("Points change", bizId));
    }

    public List<LotRepository.Movement> movements(long journalId) {
        return lots.movementLines(journalId);
    }

    /** Accounts whose balance, journal and lots disagree: must always be empty. */
    public List<Discrepancy> reconcile() {
        return points.discrepancies();
    }

    private static DomainException reservationNotFound(String bizId) {
        return new DomainException(HttpStatus.NOT_FOUND, "RESERVATION_NOT_FOUND", "No points are held for " + bizId,
                Map.of("bizId", bizId));
    }

    public record Held(Reservation reservation, long balanceAfter) {
    }

    public record Released(Reservation reservation, JournalEntry entry) {
    }
}
