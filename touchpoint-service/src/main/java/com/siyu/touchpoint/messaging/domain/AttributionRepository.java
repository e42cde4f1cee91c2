package com.siyu.touchpoint.messaging.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Clicks, conversions and their refunds of the tenant in context (infra). */
public interface AttributionRepository {

    /** The send that granted the coupon (if any) records what it took off and the mall's part, once. */
    void couponUsed(long memberId, long couponId, long discountFen, long mallFen, String paymentNo);

    /** A guide's WeCom messages sent in the days: how many, the payments credited to them and their GMV (paid minus refunded). */
    record GuideFigures(long guideId, long sent, long converted, long attributedFen) {
    }

    /** The guides whose messages brought the most GMV in the mall's days from..to. */
    List<GuideFigures> topGuides(java.time.LocalDate from, java.time.LocalDate to, int limit);

    Optional<Send> sendByToken(String trackingToken);

    void click(long sendId, long memberId, Instant at);

    /** The sends the member clicked in [from, to], by click time, oldest first (a send once per click). */
    List<Long> clickedSends(long memberId, Instant from, Instant to);

    /** Credits the payment once, its gross per store on the mall day {@code day}; false when it was credited already. */
    boolean convert(String paymentNo, long memberId, long firstSendId, long lastSendId, long grossFen, Instant paidAt,
                    java.util.Map<Long, Long> grossByStore, java.time.LocalDate day);

    /** Takes a refund off its payment's conversion once (at most what is left); false when there is none or it was taken. */
    boolean refund(String refundNo, String paymentNo, long grossFen, Long storeId, Instant at);

    /** Per store, the credited payments' gross in the mall days from..to, less their refunds. */
    java.util.Map<Long, Long> attributedByStore(java.time.LocalDate from, java.time.LocalDate to);

    record Figures(Channel channel, String preset, long sends, long sent, long membersReached, long clicked, long converted, long attributedFen) {
    }

    /** Per channel and preset, of the sends made on the mall's days from..to: how many were sent, to how many members, clicked, converted, for how much. */
    List<Figures> dashboard(java.time.LocalDate from, java.time.LocalDate to);
}
