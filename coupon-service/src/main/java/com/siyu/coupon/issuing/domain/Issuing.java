package com.siyu.coupon.issuing.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.coupon.outbox.domain.Outbox;
import com.siyu.coupon.template.domain.BlindBoxPrize;
import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.template.domain.CouponType;
import com.siyu.coupon.template.domain.TemplateRepository;
import com.siyu.coupon.template.domain.TemplateStatus;
import com.siyu.coupon.template.domain.ValidityPeriod;
import com.siyu.coupon.wallet.domain.Coupon;
import com.siyu.coupon.wallet.domain.CouponRepository;
import com.siyu.coupon.wallet.domain.IssueSource;
import com.siyu.coupon.wallet.domain.NewCoupon;
import java.security.SecureRandom;
import com.siyu.coupon.client.TenantZones;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues coupons: claims, operator and batch grants, rewards after payment, purchases of group-buy
 * vouchers and blind boxes, friend-add rewards and campaign grants all come through here.
 *
 * <p>One local transaction per issue, no read-check-write: the member's quota row is taken with a
 * conditional update (the per-member limit), a blind-box prize with a conditional update of its stock,
 * the template's stock with a conditional update of the (hot) template row — taken last so its lock is
 * held for the shortest time — and the coupon is inserted under a unique business key and a unique
 * (template, member, seq). Any refusal rolls all of it back. Claims never run inside a Seata global
 * transaction, so the hot template row never queues a payment.
 */
@Service
public class Issuing {

    private static final int ATTEMPTS = 5;

    private final TemplateRepository templates;
    private final CouponRepository coupons;
    private final Outbox outbox;
    private final GeoFence fence;
    private final TransactionTemplate tx;
    private final TenantZones zones;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    public Issuing(TemplateRepository templates, CouponRepository coupons, Outbox outbox, GeoFence fence,
                   TransactionTemplate tx, TenantZones zones, Clock clock) {
        this.zones = zones;
        this.templates = templates;
        this.coupons = coupons;
        this.outbox = outbox;
        this.fence = fence;
        this.tx = tx;
        this.clock = clock;
    }

    public Issued issue(IssueCommand command) {
        Optional<Issued> first = replay(command);
        if (first.isPresent()) {
            return first.get();
        }
        CouponTemplate template = templates.find(command.templateId())
                .orElseThrow(() -> DomainException.notFound("Coupon template", command.templateId()));
        Instant now = clock.instant();
        if (template.status() != TemplateStatus.ACTIVE) {
            throw new CouponNotIssuable(template, "it is " + template.status());
        }
        if (!template.issuableAt(now)) {
            throw new CouponNotIssuable(template, "outside its issuing period");
        }
        if (template.issuedCount() >= template.totalStock()) {
            // a fast refusal from the row we just read; the conditional update below is what guarantees it
            throw new CouponOutOfStock(template.id());
        }
        if (command.source() == IssueSource.CLAIM) {
            fence.check(template, command.location());
        }
        coupons.ensureQuota(template.id(), command.memberId());
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> issueOnce(template, command, now));
            } catch (DuplicateKeyException raced) {
                // a concurrent delivery of the same business key won; ours rolled back entirely
                return replay(command).orElseThrow(() -> raced);
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt >= ATTEMPTS) {
                    throw deadlock;
                }
            }
        }
    }

    private Optional<Issued> replay(IssueCommand command) {
        return coupons.findByIssueKey(command.issueKey()).map(existing -> {
            if (existing.templateId() != command.templateId() || existing.memberId() != command.memberId()) {
                throw new IssueKeyReused(command.key());
            }
            return new Issued(existing, true);
        });
    }

    private Issued issueOnce(CouponTemplate template, IssueCommand command, Instant now) {
        LocalDate day = now.atZone(zones.zone()).toLocalDate();    // the tenant's day
        Integer dailyLimit = template.rules().perMemberDailyLimit();
        int seq = coupons.takeQuota(template.id(), command.memberId(), template.perMemberLimit(), dailyLimit, day)
                .orElseThrow(() -> new CouponLimitReached(template.id(), template.perMemberLimit(), dailyLimit));
        BlindBoxPrize prize = template.type() == CouponType.BLIND_BOX ? drawPrize(template) : null;
        if (!templates.takeStock(template.id())) {
            throw new CouponOutOfStock(template.id());
        }
        ValidityPeriod validity = template.couponValidity(now);
        String itemName = prize != null ? prize.name() : template.rules().itemName();
        Coupon coupon = coupons.insert(new NewCoupon(template.id(), command.memberId(), seq, command.issueKey(), command.source(),
                validity.from(), validity.to(), prize == null ? null : prize.id(), itemName));
        outbox.append("CouponIssued", new CouponIssued(coupon.id(), template.id(), coupon.memberId(), command.source().name(),
                coupon.validFrom(), coupon.validTo(), itemName, template.rules().wxCardId()));
        return new Issued(coupon, false);
    }

    /** Draws among the prizes still in stock; a prize emptied by a concurrent draw is dropped and the draw repeated. */
    private BlindBoxPrize drawPrize(CouponTemplate template) {
        List<BlindBoxPrize> left = new ArrayList<>(templates.prizesInStock(template.id()));
        while (!left.isEmpty()) {
            BlindBoxPrize prize = BlindBox.draw(left, random);
            if (templates.drawPrize(prize.id())) {
                return prize;
            }
            left.remove(prize);
        }
        throw new CouponOutOfStock(template.id());
    }
}
