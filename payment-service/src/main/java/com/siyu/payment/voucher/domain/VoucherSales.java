package com.siyu.payment.voucher.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.feign.RemoteProblem;
import com.siyu.common.feign.RemoteRejection;
import com.siyu.common.problem.DomainException;
import com.siyu.payment.checkout.domain.Checkout;
import com.siyu.payment.checkout.domain.MerchantOrder;
import com.siyu.payment.checkout.domain.Payment;
import com.siyu.payment.checkout.domain.PaymentSettled;
import com.siyu.payment.checkout.domain.PaymentStatus;
import com.siyu.payment.checkout.domain.Payments;
import com.siyu.payment.client.CouponClient;
import com.siyu.payment.refund.domain.Refunding;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Group-buy vouchers (600 buys 750) and blind boxes sold for money through the cashier: the template's
 * one selling counter is the merchant order, priced by the template (no promotions, coupons or points
 * on top). Once paid, coupon-service issues the vouchers (each keyed by payment and position, so a retry
 * issues once); what it will not issue (sold out meanwhile, over the member's limit) is refunded.
 */
@Service
public class VoucherSales {

    private static final Logger log = LoggerFactory.getLogger(VoucherSales.class);
    private static final Set<String> SOLD_TYPES = Set.of("GROUP_BUY", "BLIND_BOX");
    /** coupon-service's answers that mean a voucher will never be issued for this purchase. */
    private static final Set<String> REFUSALS = Set.of("COUPON_OUT_OF_STOCK", "COUPON_LIMIT_REACHED", "COUPON_NOT_AVAILABLE");
    private static final String KEY_TAKEN = "ISSUE_KEY_REUSED";

    private final Checkout checkout;
    private final CouponClient coupons;
    private final Payments payments;
    private final Refunding refunding;
    private final Clock clock;

    public VoucherSales(Checkout checkout, CouponClient coupons, Payments payments, Refunding refunding, Clock clock) {
        this.checkout = checkout;
        this.coupons = coupons;
        this.payments = payments;
        this.refunding = refunding;
        this.clock = clock;
    }

    public Checkout.Opened buy(long memberId, long templateId, int quantity, String payerOpenid, String attribution) {
        CouponClient.Template template = coupons.template(templateId);
        if (!SOLD_TYPES.contains(template.type()) || template.priceFen() == null) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "VOUCHER_NOT_FOR_SALE",
                    "Coupon template " + templateId + " (" + template.type() + ") is not sold for money");
        }
        if (!"ACTIVE".equals(template.status())) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "VOUCHER_NOT_ON_SALE",
                    "Coupon template " + templateId + " is " + template.status());
        }
        if (template.merchantIds() == null || template.merchantIds().size() != 1) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "VOUCHER_HAS_NO_SELLER",
                    "A voucher sold for money is sold by one counter: template " + templateId + " must name exactly one merchant");
        }
        long amount = Math.multiplyExact(template.priceFen(), quantity);
        return checkout.pay(new Checkout.PayCommand(memberId, List.of(new Checkout.OrderInput(template.merchantIds().get(0), amount)),
                List.of(), 0, payerOpenid, new Payment.Purchase(templateId, quantity), attribution));
    }

    /** Right after the payment settled (its tenant is in context); the job retries what does not go through. */
    @EventListener
    public void onSettled(PaymentSettled settled) {
        try {
            fulfil(settled.paymentNo());
        } catch (RuntimeException e) {
            log.warn("Issuing the vouchers of payment {} failed, will retry: {}", settled.paymentNo(), RemoteProblem.reason(e));
        }
    }

    /**
     * Issues the vouchers of a paid purchase; refunds those coupon-service refuses for good (sold out, over
     * the member's limit, no longer on sale). Idempotent: grants are keyed by payment and position, and the
     * refund of what could not be issued has one fixed number per payment, so concurrent or repeated runs
     * (the event, the job, another replica) make it at most once.
     */
    public void fulfil(String paymentNo) {
        Payment payment = payments.find(paymentNo).orElseThrow();
        Payment.Purchase purchase = payment.purchase();
        if (purchase == null || payment.status() != PaymentStatus.PAID || payment.fulfilledAt() != null) {
            return;
        }
        int issued = 0;
        RemoteRejection refusal = null;
        for (int i = 1; i <= purchase.quantity() && refusal == null; i++) {
            try {
                coupons.grant(new CouponClient.Grant(purchase.templateId(), payment.memberId(), "PURCHASE", paymentNo + "-" + i));
                issued++;
            } catch (RuntimeException e) {
                RemoteRejection rejection = RemoteRejection.in(e).orElse(null);
                if (rejection != null && KEY_TAKEN.equals(rejection.code())) {
                    // issued before and since moved to the member this one was merged into: still issued
                    issued++;
                } else if (rejection != null && REFUSALS.contains(rejection.code())) {
                    refusal = rejection;
                } else {
                    throw e;
                }
            }
        }
        if (refusal != null) {
            String refundNo = "RU" + paymentNo.substring(2);
            if (refunding.find(refundNo).isEmpty()) {
                MerchantOrder order = payment.orders().get(0);
                long unitFen = order.grossFen() / purchase.quantity();
                long owed = Math.min(unitFen * (purchase.quantity() - issued), order.grossFen() - order.refundedGrossFen());
                log.warn("coupon-service issued {} of {} vouchers of payment {} ({}): refunding {} fen", issued, purchase.quantity(),
                        paymentNo, refusal.code(), owed);
                if (owed > 0) {
                    refunding.refundUnissued(refundNo, paymentNo, order.orderNo(), owed, "voucher not issued: " + refusal.code());
                }
            }
        }
        payments.markFulfilled(paymentNo, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Purchases paid a while ago whose vouchers are not all issued (coupon-service was down), across tenants. */
    public int fulfilDue(int limit) {
        var due = payments.unfulfilled(clock.instant().minusSeconds(30), limit);
        due.forEach(p -> CallerContext.runAs(Caller.system(p.tenantId()), () -> {
            try {
                fulfil(p.paymentNo());
            } catch (RuntimeException e) {
                log.warn("Issuing the vouchers of payment {} failed again: {}", p.paymentNo(), e.getMessage());
            }
        }));
        return due.size();
    }
}
