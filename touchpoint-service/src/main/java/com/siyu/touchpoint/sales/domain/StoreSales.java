package com.siyu.touchpoint.sales.domain;

import com.siyu.common.feign.RemoteRejection;
import com.siyu.common.problem.DomainException;
import com.siyu.touchpoint.client.StoreClient;
import com.siyu.touchpoint.quiethours.domain.QuietHoursPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * All the GMV a mall group makes, per store and mall day (the quiet hours' zone): the cashier's payments as they are
 * paid and refunded (each once), and the store sales the tenant reports from its POS, so the dashboard can say what
 * share of it the private domain brought.
 */
@Service
public class StoreSales {

    private final SalesRepository repository;
    private final QuietHoursPolicy quietHours;
    private final StoreClient stores;
    private final Clock clock;

    public StoreSales(SalesRepository repository, QuietHoursPolicy quietHours, StoreClient stores, Clock clock) {
        this.repository = repository;
        this.quietHours = quietHours;
        this.stores = stores;
        this.clock = clock;
    }

    public record Order(long storeId, long grossFen) {
    }

    /** PaymentSucceeded (in the inbox's transaction): each order's gross on its store's day, once per payment. */
    public void paid(String paymentNo, Instant paidAt, List<Order> orders) {
        LocalDate day = LocalDate.ofInstant(paidAt, quietHours.current().zone());
        if (!repository.paymentOnce(paymentNo, day)) {
            return;
        }
        Instant now = clock.instant();
        orders.forEach(o -> repository.addCashier(day, o.storeId(), o.grossFen(), now));
    }

    /** PaymentRefunded: off the payment's day (the refund's own when the payment was never seen), once per refund. */
    public void refunded(String refundNo, String paymentNo, long storeId, long grossFen, Instant refundedAt) {
        if (!repository.refundOnce(refundNo)) {
            return;
        }
        ZoneId zone = quietHours.current().zone();
        LocalDate day = repository.paymentDay(paymentNo).orElse(LocalDate.ofInstant(refundedAt, zone));
        repository.addCashier(day, storeId, -grossFen, clock.instant());
    }

    /** A day's POS totals per store (replacing what was reported for those stores that day); every store must be the tenant's. */
    @Transactional
    public Map<Long, Long> report(LocalDate day, Map<Long, Long> totals) {
        if (day.isAfter(LocalDate.now(clock.withZone(quietHours.current().zone())))) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "day " + day + " has not happened yet");
        }
        Set<Long> checked = new HashSet<>();
        for (Long storeId : totals.keySet()) {
            if (checked.add(storeId)) {
                try {
                    stores.store(storeId);
                } catch (RuntimeException e) {
                    throw RemoteRejection.in(e).map(r -> (RuntimeException) new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                            "stores[].storeId " + storeId + " is not a store of this tenant")).orElse(e);
                }
            }
        }
        Instant now = clock.instant();
        totals.forEach((store, fen) -> repository.setPos(day, store, fen, now));
        return repository.posOf(day);
    }

    public record Share(long cashierFen, long posFen, long allFen, long privateDomainFen, long privateShareBasisPoints, List<StoreShare> stores) {
    }

    /** One store's GMV in the days and what of it the private domain brought (payments credited to a message, paid in those days). */
    public record StoreShare(long storeId, long cashierFen, long posFen, long allFen, long privateDomainFen, long privateShareBasisPoints) {
    }

    /**
     * All GMV of the mall days from..to and the private domain's share of it ({@code attributedFen}: what messages
     * brought); per store, {@code privateByStore}: the credited payments' gross per store.
     */
    public Share share(LocalDate from, LocalDate to, long attributedFen, java.util.Map<Long, Long> privateByStore) {
        List<SalesRepository.StoreDay> byStore = repository.between(from, to);
        long cashier = byStore.stream().mapToLong(SalesRepository.StoreDay::cashierFen).sum();
        long pos = byStore.stream().mapToLong(SalesRepository.StoreDay::posFen).sum();
        long all = cashier + pos;
        List<StoreShare> stores = byStore.stream().map(s -> {
            long storeAll = s.cashierFen() + s.posFen();
            long brought = privateByStore.getOrDefault(s.storeId(), 0L);
            return new StoreShare(s.storeId(), s.cashierFen(), s.posFen(), storeAll, brought, basisPoints(brought, storeAll));
        }).toList();
        return new Share(cashier, pos, all, attributedFen, basisPoints(attributedFen, all), stores);
    }

    private static long basisPoints(long part, long all) {
        return all <= 0 ? 0 : part * 10_000 / all;
    }
}
