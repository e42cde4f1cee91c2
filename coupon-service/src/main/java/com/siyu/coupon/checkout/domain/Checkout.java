package com.siyu.coupon.checkout.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.coupon.merge.domain.WalletMerges;
import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.template.domain.RefundPolicy;
import com.siyu.coupon.template.domain.TemplateRepository;
import com.siyu.coupon.wallet.domain.Coupon;
import com.siyu.coupon.wallet.domain.CouponRepository;
import com.siyu.coupon.wallet.domain.CouponStatus;
import java.time.Clock;
import com.siyu.coupon.client.TenantZones;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupons at payment, called by payment-service inside its Seata global transaction (each method's
 * local transaction is an AT branch). Only the member's coupon rows and this payment's redemption lines
 * are written — never the template row — so payments do not queue on each other's global locks. Every
 * step is idempotent by payment id: a repeat finds the state it left and answers the same.
 */
@Service
public class Checkout {

    private final CouponRepository coupons;
    private final TemplateRepository templates;
    private final RedemptionRepository redemptions;
    private final WalletMerges merges;
    private final TenantZones zones;
    private final Clock clock;

    public Checkout(CouponRepository coupons, TemplateRepository templates, RedemptionRepository redemptions, WalletMerges merges,
                    TenantZones zones, Clock clock) {
        this.zones = zones;
        this.coupons = coupons;
        this.templates = templates;
        this.redemptions = redemptions;
        this.merges = merges;
        this.clock = clock;
    }

    public Quote quote(long memberId, Cart cart) {
        return CouponMath.quote(offers(coupons.ofMember(memberId, CouponStatus.AVAILABLE, 200)), cart, localNow());
    }

    /** Now in the tenant's time zone, which usable windows are written in. */
    public ZonedDateTime localNow() {
        return clock.instant().atZone(zones.zone());
    }

    /** The offers for these coupons: each with its template (read, never written, at payment). */
    public List<Offer> offers(List<Coupon> owned) {
        Map<Long, CouponTemplate> byId = templates.findAll(owned.stream().map(Coupon::templateId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(CouponTemplate::id, Function.identity()));
        return owned.stream().filter(c -> byId.containsKey(c.templateId())).map(c -> new Offer(c, byId.get(c.templateId()))).toList();
    }

    @Transactional
    public PaymentCoupons lock(String paymentId, long memberId, List<Long> couponIds, Cart cart) {
        Set<Long> wanted = new LinkedHashSet<>(couponIds);
        List<Redemption> existing = redemptions.ofPayment(paymentId);
        if (!existing.isEmpty()) {
            Set<Long> locked = existing.stream().map(Redemption::couponId).collect(Collectors.toSet());
            if (!locked.equals(wanted) || existing.get(0).memberId() != memberId) {
                throw new PaymentCouponsConflict("COUPON_PAYMENT_CONFLICT",
                        "Payment " + paymentId + " already locked coupons " + locked + "; a payment locks its coupons once");
            }
            return new PaymentCoupons(paymentId, existing, List.of());
        }
        List<Coupon> found = coupons.findAll(wanted);
        for (long id : wanted) {
            Coupon coupon = found.stream().filter(c -> c.id() == id).findFirst().orElse(null);
            if (coupon == null || coupon.memberId() != memberId) {
                throw new CouponNotAvailable(id, "it is not one of the member's coupons");
            }
            if (coupon.status() != CouponStatus.AVAILABLE) {
                throw new CouponNotAvailable(id, "it is " + coupon.status());
            }
        }
        ZonedDateTime local = localNow();
        Instant now = local.toInstant();
        List<Offer> offers = offers(found);
        Combination combination = CouponMath.check(offers, cart, local);
        for (long id : wanted) {
            if (!coupons.lock(id, memberId, paymentId, now)) {
                // another payment took it between our read and our update: the conditional update decided
                throw new CouponNotAvailable(id, "another payment is using it");
            }
        }
        redemptions.insert(paymentId, memberId, combination.coupons(), now);
        return new PaymentCoupons(paymentId, redemptions.ofPayment(paymentId), combination.coupons());
    }

    @Transactional
    public PaymentCoupons redeem(String paymentId) {
        List<Redemption> lines = linesOf(paymentId);
        if (lines.stream().allMatch(l -> l.status() == RedemptionStatus.REDEEMED || l.status() == RedemptionStatus.RESTORED
                || l.status() == RedemptionStatus.FORFEITED)) {
            return new PaymentCoupons(paymentId, lines, List.of());
        }
        if (lines.stream().anyMatch(l -> l.status() != RedemptionStatus.LOCKED)) {
            throw new PaymentCouponsConflict("COUPON_LOCK_RELEASED",
                    "The coupons of payment " + paymentId + " were released; lock them again with a new payment");
        }
        Instant now = clock.instant();
        int used = coupons.redeem(paymentId, now);
        if (used != lines.size()) {
            throw new IllegalStateException("Payment " + paymentId + " has " + lines.size() + " locked lines but " + used + " locked coupons");
        }
        redemptions.move(paymentId, RedemptionStatus.LOCKED, RedemptionStatus.REDEEMED, now);
        return new PaymentCoupons(paymentId, redemptions.ofPayment(paymentId), List.of());
    }

    /** Cancel or timeout before redemption: the coupons become available again. Releasing what never locked is a no-op. */
    @Transactional
    public PaymentCoupons release(String paymentId) {
        List<Redemption> lines = redemptions.ofPayment(paymentId);
        if (lines.stream().anyMatch(l -> l.status() != RedemptionStatus.LOCKED && l.status() != RedemptionStatus.RELEASED)) {
            throw new PaymentCouponsConflict("COUPON_ALREADY_REDEEMED",
                    "The coupons of payment " + paymentId + " were redeemed; a refund restores them instead");
        }
        Instant now = clock.instant();
        coupons.release(paymentId, now);
        redemptions.move(paymentId, RedemptionStatus.LOCKED, RedemptionStatus.RELEASED, now);
        return new PaymentCoupons(paymentId, redemptions.ofPayment(paymentId), List.of());
    }

    /** A refund of the whole payment: {@link #restore(String, Collection)} for every coupon it redeemed. */
    @Transactional
    public PaymentCoupons restore(String paymentId) {
        return restore(paymentId, null);
    }

    /**
     * A refund: each redeemed coupon of {@code couponIds} (null = all of the payment's) goes back to the
     * member if its template's policy is RESTORE and it is still valid; otherwise it stays used
     * (FORFEITED). A partial refund names the coupons whose discounted orders are now fully refunded.
     * Repeats change nothing.
     */
    @Transactional
    public PaymentCoupons restore(String paymentId, Collection<Long> couponIds) {
        List<Redemption> all = linesOf(paymentId);
        if (couponIds != null) {
            Set<Long> ofPayment = all.stream().map(Redemption::couponId).collect(Collectors.toSet());
            List<Long> foreign = couponIds.stream().filter(id -> !ofPayment.contains(id)).toList();
            if (!foreign.isEmpty()) {
                throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "COUPON_NOT_IN_PAYMENT",
                        "Payment " + paymentId + " did not use coupon(s) " + foreign, Map.of("couponIds", foreign));
            }
        }
        List<Redemption> lines = couponIds == null ? all : all.stream().filter(l -> couponIds.contains(l.couponId())).toList();
        if (lines.stream().anyMatch(l -> l.status() == RedemptionStatus.LOCKED || l.status() == RedemptionStatus.RELEASED)) {
            throw new PaymentCouponsConflict("COUPON_NOT_REDEEMED",
                    "The coupons of payment " + paymentId + " were not redeemed; release them instead");
        }
        Instant now = clock.instant();
        Map<Long, CouponTemplate> templatesById = templates.findAll(lines.stream().map(Redemption::templateId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(CouponTemplate::id, Function.identity()));
        Map<Long, Coupon> couponsById = coupons.findAll(lines.stream().map(Redemption::couponId).toList()).stream()
                .collect(Collectors.toMap(Coupon::id, Function.identity()));
        for (Redemption line : lines) {
            if (line.status() != RedemptionStatus.REDEEMED) {
                continue;
            }
            CouponTemplate template = templatesById.get(line.templateId());
            Coupon coupon = couponsById.get(line.couponId());
            boolean giveBack = template != null && template.rules().refundPolicy() == RefundPolicy.RESTORE
                    && coupon != null && coupon.validAt(now);
            if (giveBack && coupons.restore(line.couponId(), paymentId, now)) {
                // a payment made before its member was merged into another: the coupon goes on to the survivor
                merges.forward(coupon.id(), coupon.templateId(), coupon.memberId(), coupon.seq());
                redemptions.moveOne(line.id(), RedemptionStatus.REDEEMED, RedemptionStatus.RESTORED, now);
            } else {
                redemptions.moveOne(line.id(), RedemptionStatus.REDEEMED, RedemptionStatus.FORFEITED, now);
            }
        }
        return new PaymentCoupons(paymentId, redemptions.ofPayment(paymentId), List.of());
    }

    public PaymentCoupons get(String paymentId) {
        return new PaymentCoupons(paymentId, linesOf(paymentId), List.of());
    }

    private List<Redemption> linesOf(String paymentId) {
        List<Redemption> lines = redemptions.ofPayment(paymentId);
        if (lines.isEmpty()) {
            throw DomainException.notFound("Coupons of payment", paymentId);
        }
        return lines;
    }
}
