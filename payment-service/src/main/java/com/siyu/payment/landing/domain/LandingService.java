package com.siyu.payment.landing.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.payment.checkout.domain.MerchantOrder;
import com.siyu.payment.checkout.domain.Payment;
import com.siyu.payment.checkout.domain.PaymentStatus;
import com.siyu.payment.checkout.domain.Payments;
import com.siyu.payment.client.CouponClient;
import com.siyu.payment.client.MemberClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Merchants' landing pages: operators set a tenant default and a page per counter; after paying, the
 * shopper gets each shop order's page (the counter's own, else the default).
 */
@Service
public class LandingService {

    private final LandingPages pages;
    private final Payments payments;
    private final MemberClient members;
    private final CouponClient coupons;

    public LandingService(LandingPages pages, Payments payments, MemberClient members, CouponClient coupons) {
        this.pages = pages;
        this.payments = payments;
        this.members = members;
        this.coupons = coupons;
    }

    public enum Source { MERCHANT, TENANT_DEFAULT, NONE }

    public record Effective(long merchantId, Source source, Landing landing) {
    }

    public record OrderLanding(String orderNo, long merchantId, Source source, Landing landing) {
    }

    /** {@code merchantId} = {@link LandingPages#TENANT_DEFAULT} for the default; a counter must exist in the tenant. */
    public Effective set(long merchantId, Landing landing, Long staffId) {
        if (merchantId != LandingPages.TENANT_DEFAULT) {
            members.merchant(merchantId);
        }
        if (landing.couponTemplateId() != null) {
            CouponClient.Template template = coupons.template(landing.couponTemplateId());
            if (!"ACTIVE".equals(template.status())) {
                throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "LANDING_COUPON_NOT_ACTIVE",
                        "Coupon template " + template.id() + " is " + template.status() + "; shoppers could not claim it");
            }
        }
        pages.save(merchantId, landing, staffId);
        return effective(merchantId);
    }

    public void remove(long merchantId) {
        if (!pages.remove(merchantId)) {
            throw DomainException.notFound("Landing page of merchant", merchantId);
        }
    }

    public Effective effective(long merchantId) {
        Optional<Landing> own = merchantId == LandingPages.TENANT_DEFAULT ? Optional.empty() : pages.of(merchantId);
        if (own.isPresent()) {
            return new Effective(merchantId, Source.MERCHANT, own.get());
        }
        return pages.of(LandingPages.TENANT_DEFAULT).map(l -> new Effective(merchantId, Source.TENANT_DEFAULT, l))
                .orElse(new Effective(merchantId, Source.NONE, null));
    }

    /** After paying: the page of every shop order of the member's paid payment. */
    public List<OrderLanding> afterPayment(String paymentNo, long memberId) {
        Payment payment = payments.find(paymentNo).filter(p -> p.memberId() == memberId)
                .orElseThrow(() -> DomainException.notFound("Payment", paymentNo));
        if (payment.status() != PaymentStatus.PAID) {
            throw new DomainException(HttpStatus.CONFLICT, "PAYMENT_NOT_PAID", "Payment " + paymentNo + " is " + payment.status()
                    + "; its landing page shows once it is paid");
        }
        List<OrderLanding> result = new ArrayList<>();
        for (MerchantOrder order : payment.orders()) {
            Effective e = effective(order.merchantId());
            result.add(new OrderLanding(order.orderNo(), order.merchantId(), e.source(), e.landing()));
        }
        return result;
    }
}
