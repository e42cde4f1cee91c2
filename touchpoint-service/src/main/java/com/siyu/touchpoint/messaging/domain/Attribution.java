package com.siyu.touchpoint.messaging.domain;

import com.siyu.common.context.CallerContext;
import com.siyu.common.outbox.OutboxWriter;
import com.siyu.common.problem.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What messages bring back. The page a send opens carries its tracking token; the mini-program reports the open as a
 * click of the member who opened it (MessageClicked). A PaymentSucceeded within the tenant's attribution window after
 * a click of the same member is credited to the last clicked send, the first kept too, once per payment; a
 * PaymentRefunded takes its amount off, once per refund.
 */
@Service
public class Attribution {

    private final AttributionRepository repository;
    private final Messaging messaging;
    private final OutboxWriter outbox;
    private final com.siyu.touchpoint.quiethours.domain.QuietHoursPolicy quietHours;
    private final Clock clock;

    public Attribution(AttributionRepository repository, Messaging messaging, OutboxWriter outbox,
                       com.siyu.touchpoint.quiethours.domain.QuietHoursPolicy quietHours, Clock clock) {
        this.repository = repository;
        this.messaging = messaging;
        this.outbox = outbox;
        this.quietHours = quietHours;
        this.clock = clock;
    }

    /** The page with the send's token as the {@code tp} query parameter. */
    public static String tracked(String page, String token) {
        if (page == null || page.isBlank() || token == null) {
            return page;
        }
        return page + (page.contains("?") ? "&" : "?") + "tp=" + token;
    }

    public record Click(long sendId, String preset, Instant at) {
    }

    /** 404 for a token that is no send of this tenant's. */
    @Transactional
    public Click clicked(long memberId, String token) {
        Send send = repository.sendByToken(token).orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "TRACKING_TOKEN_UNKNOWN",
                "No message of this mall carries that token"));
        Instant now = clock.instant();
        repository.click(send.id(), memberId, now);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("sendId", send.id());
        event.put("memberId", memberId);
        event.put("channel", send.channel().name());
        event.put("preset", send.preset());
        event.put("at", now.toString());
        outbox.appendEnvelope(CallerContext.requireTenant(), "MessageClicked", event);
        return new Click(send.id(), send.preset(), now);
    }

    /**
     * PaymentSucceeded (in the inbox's transaction): credited to the member's last click within the window, if any,
     * with its gross per store ({@code grossByStore}, its shop orders') on the mall day it was paid.
     */
    public boolean paid(long memberId, String paymentNo, long grossFen, Instant paidAt, java.util.Map<Long, Long> grossByStore) {
        Duration window = Duration.ofHours(messaging.policy().attributionHours());
        List<Long> clicked = repository.clickedSends(memberId, paidAt.minus(window), paidAt);
        if (clicked.isEmpty()) {
            return false;
        }
        return repository.convert(paymentNo, memberId, clicked.get(0), clicked.get(clicked.size() - 1), grossFen, paidAt, grossByStore,
                java.time.LocalDate.ofInstant(paidAt, quietHours.current().zone()));
    }

    /** A coupon used in a payment: if a campaign granted it, what it cost is that campaign's (once: the first payment that used it). */
    public void couponUsed(long memberId, long couponId, long discountFen, long mallFen, String paymentNo) {
        repository.couponUsed(memberId, couponId, discountFen, mallFen, paymentNo);
    }

    /** PaymentRefunded: the refund's amount comes off its payment's credit. */
    /** {@code storeId}: the store whose order was refunded (null when not known: only the payment's credit changes). */
    public boolean refunded(String refundNo, String paymentNo, long grossFen, Long storeId) {
        return repository.refund(refundNo, paymentNo, grossFen, storeId, clock.instant());
    }

    /** Per store, what the private domain brought in the mall days from..to (credited payments, less refunds). */
    public java.util.Map<Long, Long> attributedByStore(java.time.LocalDate from, java.time.LocalDate to) {
        return repository.attributedByStore(from, to);
    }

    public record Dashboard(java.time.LocalDate from, java.time.LocalDate to, List<AttributionRepository.Figures> rows, long sent, long clicked, long converted,
                            long attributedFen, List<AttributionRepository.GuideFigures> topGuides) {
    }

    public Dashboard dashboard(java.time.LocalDate from, java.time.LocalDate to) {
        List<AttributionRepository.Figures> rows = repository.dashboard(from, to);
        return new Dashboard(from, to, rows, rows.stream().mapToLong(AttributionRepository.Figures::sent).sum(),
                rows.stream().mapToLong(AttributionRepository.Figures::clicked).sum(), rows.stream().mapToLong(AttributionRepository.Figures::converted).sum(),
                rows.stream().mapToLong(AttributionRepository.Figures::attributedFen).sum(), repository.topGuides(from, to, TOP_GUIDES));
    }

    static final int TOP_GUIDES = 10;
}
