package com.siyu.touchpoint.sales.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Store sales per mall day of the tenant in context (infra). */
public interface SalesRepository {

    /** Records the payment once; false when it was recorded already (a redelivery). */
    boolean paymentOnce(String paymentNo, LocalDate day);

    Optional<LocalDate> paymentDay(String paymentNo);

    /** Records the refund once; false when it was recorded already. */
    boolean refundOnce(String refundNo);

    void addCashier(LocalDate day, long storeId, long fen, Instant now);

    /** The POS total of the store on the day, replacing what was reported before. */
    void setPos(LocalDate day, long storeId, long fen, Instant now);

    record StoreDay(long storeId, long cashierFen, long posFen) {
    }

    /** Per store, the sums over the days from..to. */
    List<StoreDay> between(LocalDate from, LocalDate to);

    Map<Long, Long> posOf(LocalDate day);
}
