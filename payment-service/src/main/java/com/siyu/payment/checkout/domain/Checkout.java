package com.siyu.payment.checkout.domain;

import com.siyu.common.feign.RemoteRejection;
import com.siyu.common.problem.DomainException;
import com.siyu.payment.client.CouponClient;
import com.siyu.payment.client.MemberClient;
import com.siyu.payment.client.PointsClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The mini-program cashier: quotes a (combined) order and opens its payment. Opening is one Seata global
 * transaction (records + coupon lock + points reservation, in {@link PaymentTransactions}); the channel's
 * prepay happens after it commits, and a refusal is compensated by a second global transaction.
 */
@Service
public class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);

    private final MemberClient members;
    private final CouponClient coupons;
    private final PointsClient points;
    private final CheckoutRules rules;
    private final PaymentTransactions transactions;
    private final PaymentChannel channel;
    private final Payments payments;
    private final Settlement settlement;
    private final Clock clock;
    private final Duration paymentTimeout;
    private final com.siyu.payment.client.TenantMiniApps miniApps;

    public Checkout(MemberClient members, CouponClient coupons, PointsClient points, CheckoutRules rules,
                    PaymentTransactions transactions, PaymentChannel channel, Payments payments, Settlement settlement, Clock clock,
                    CheckoutSettings settings, com.siyu.payment.client.TenantMiniApps miniApps) {
        this.miniApps = miniApps;
        this.members = members;
        this.coupons = coupons;
        this.points = points;
        this.rules = rules;
        this.transactions = transactions;
        this.channel = channel;
        this.payments = payments;
        this.settlement = settlement;
        this.clock = clock;
        this.paymentTimeout = settings.paymentTimeout();
    }

    public record OrderInput(long merchantId, long amountFen) {
    }

    /** {@code points}: null = as many as allowed, 0 = none. Coupons: the best combination coupon-service finds. */
    public Quote quote(long memberId, List<OrderInput> orders, Long wantedPoints) {
        List<OrderDraft> drafts = resolve(orders);
        CheckoutRules.Rules tenant = rules.current();
        PointsRule pointsRule = tenant.points();
        Bill bill = new Bill(drafts).promotions(tenant.promotions());
        boolean usePoints = wantedPoints == null || wantedPoints > 0;
        CouponClient.Quote offer = coupons.quote(new CouponClient.QuoteRequest(memberId, cart(bill, usePoints)));
        List<CouponClient.Applied> best = offer.best() == null || offer.best().coupons() == null ? List.of() : offer.best().coupons();
        bill.coupons(best.stream().map(Checkout::applied).toList());
        long balance = points.account(memberId).balance();
        long maxFen = pointsRule.maxFen(bill.payable(), balance);
        long maxPoints = pointsRule.pointsFor(maxFen);
        long fen = wantedPoints == null ? maxFen : pointsRule.fenFor(wantedPoints);
        if (fen > maxFen) {
            throw new PointsOverCap(wantedPoints, maxPoints);
        }
        long used = pointsRule.pointsFor(fen);
        bill.points(fen, used);
        List<Quote.CouponOption> applicable = offer.applicable() == null ? List.of() : offer.applicable().stream()
                .map(a -> new Quote.CouponOption(a.couponId(), a.templateId(), a.name(), a.type(), a.discountFen(), a.merchantFen(),
                        a.platformFen()))
                .toList();
        return new Quote(bill, applicable, best.stream().map(CouponClient.Applied::couponId).toList(), balance, maxPoints, used, fen);
    }

    /**
     * {@code payerOpenid}: what the client says (optional); the payer is the member's openid as member-service
     * knows it. {@code purchase}: vouchers bought (no promotions, coupons or points on them); null at a counter.
     * {@code attribution}: a guide share-link token, carried as is into PaymentSucceeded (guide-service judges it).
     */
    public record PayCommand(long memberId, List<OrderInput> orders, List<Long> couponIds, long points, String payerOpenid,
                             Payment.Purchase purchase, String attribution) {

        public PayCommand(long memberId, List<OrderInput> orders, List<Long> couponIds, long points, String payerOpenid) {
            this(memberId, orders, couponIds, points, payerOpenid, null, null);
        }

        PayCommand paidBy(String openid) {
            return new PayCommand(memberId, orders, couponIds, points, openid, purchase, attribution);
        }
    }

    public record Opened(Payment payment, PaymentChannel.Prepay prepay) {
    }

    public Opened pay(PayCommand asked) {
        if (new HashSet<>(asked.couponIds()).size() != asked.couponIds().size()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "couponIds must not repeat a coupon");
        }
        List<OrderDraft> drafts = resolve(asked.orders());
        PayCommand command = asked.paidBy(payer(asked));
        String paymentNo = "CP" + UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase();
        Instant expiresAt = clock.instant().plus(paymentTimeout).truncatedTo(ChronoUnit.MILLIS);
        transactions.open(paymentNo, command, drafts, rules.current(), channel.name(), expiresAt);
        Payment payment = payments.find(paymentNo).orElseThrow();
        PaymentChannel.Prepay prepay;
        try {
            prepay = channel.prepay(new PaymentChannel.PrepayOrder(paymentNo, description(drafts), payment.cashFen(),
                    command.payerOpenid(), expiresAt));
        } catch (ChannelFailed e) {
            log.warn("Channel {} refused payment {}: {}; releasing its coupons and points", channel.name(), paymentNo, e.getMessage());
            transactions.abandon(paymentNo, "CHANNEL_FAILED");
            throw new PaymentChannelFailed(paymentNo);
        }
        payments.recordPrepay(paymentNo, prepay.prepayId());
        if (prepay.confirmed() != null) {
            settlement.settle(prepay.confirmed());
        }
        return new Opened(payments.find(paymentNo).orElseThrow(), prepay);
    }

    /**
     * Who pays at the channel: the member's openid in the channel's mini-program, from member-service,
     * never trusted from the client (a client-sent one must be the same).
     */
    private String payer(PayCommand command) {
        // the real channel pays with its merchant's mini-program; the sandbox with the tenant's own, checked the same way
        String appId = channel.payerAppId();
        if (appId == null) {
            appId = miniApps.current().orElseThrow(() -> new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "PAYER_UNKNOWN",
                    "This mall has no mini-program configured to pay with"));
        }
        String openid;
        try {
            openid = members.miniProgramOpenid(command.memberId(), appId).value();
        } catch (RuntimeException e) {
            if (!notFound(e)) {
                throw e;
            }
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "PAYER_UNKNOWN",
                    "Member " + command.memberId() + " has not signed in through the mini-program " + appId + " that pays");
        }
        if (command.payerOpenid() != null && !command.payerOpenid().equals(openid)) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "PAYER_MISMATCH",
                    "payerOpenid is not the openid of the signed-in member in mini-program " + appId);
        }
        return openid;
    }

    /** member-service said 404 (the circuit breaker may have wrapped its rejection). */
    private static boolean notFound(Throwable e) {
        return RemoteRejection.in(e).filter(rejection -> rejection.status() == 404).isPresent();
    }

    public Payment get(String paymentNo, Long memberId) {
        Payment payment = payments.find(paymentNo).orElseThrow(() -> DomainException.notFound("Payment", paymentNo));
        if (memberId != null && payment.memberId() != memberId) {
            throw DomainException.notFound("Payment", paymentNo);
        }
        return payment;
    }

    List<OrderDraft> resolve(List<OrderInput> orders) {
        if (orders.stream().map(OrderInput::merchantId).distinct().count() != orders.size()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "each merchant appears once in a payment");
        }
        List<OrderDraft> drafts = new ArrayList<>();
        for (OrderInput order : orders) {
            MemberClient.Merchant merchant = members.merchant(order.merchantId());
            drafts.add(new OrderDraft(merchant.id(), merchant.storeId(), merchant.category(), order.amountFen()));
        }
        return drafts;
    }

    /** The cart coupon-service prices: what promotions left of each order (line index = order index). */
    static CouponClient.Cart cart(Bill bill, boolean usePoints) {
        List<CouponClient.Line> lines = new ArrayList<>();
        for (int i = 0; i < bill.orders().size(); i++) {
            OrderDraft o = bill.orders().get(i);
            lines.add(new CouponClient.Line(o.storeId(), o.merchantId(), o.category(), bill.payable(i)));
        }
        return new CouponClient.Cart(lines, usePoints);
    }

    static AppliedCoupon applied(CouponClient.Applied a) {
        return new AppliedCoupon(a.couponId(), a.discountFen(), a.merchantFen(), a.platformFen(),
                a.allocations().stream().map(x -> new AppliedCoupon.Part(x.line(), x.discountFen())).toList());
    }

    private static String description(List<OrderDraft> drafts) {
        return drafts.size() == 1 ? "Counter payment" : "Combined payment (" + drafts.size() + " shops)";
    }
}
