package com.siyu.coupon.issuing.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.coupon.wallet.domain.Coupon;
import com.siyu.coupon.wallet.domain.CouponRepository;
import com.siyu.coupon.wallet.domain.IssueSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking back coupons a payment bought (group-buy vouchers, blind boxes) when it is refunded: of the
 * coupons issued under {@code keys}, the first {@code count} still unused are revoked, all or none (an
 * AT branch of payment-service's refund, undone if the refund rolls back). Used ones are the shopper's:
 * a refund that would need them is refused. The template's stock is not put back on sale.
 */
@Service
public class Revocations {

    private final CouponRepository coupons;
    private final Clock clock;

    public Revocations(CouponRepository coupons, Clock clock) {
        this.coupons = coupons;
        this.clock = clock;
    }

    @Transactional
    public List<Coupon> revoke(IssueSource source, List<String> keys, int count) {
        Instant now = clock.instant();
        List<Coupon> revoked = new ArrayList<>();
        for (String key : keys) {
            if (revoked.size() == count) {
                break;
            }
            String issueKey = IssueCommand.issueKey(source, key);
            if (coupons.revoke(issueKey, now)) {
                revoked.add(coupons.findByIssueKey(issueKey).orElseThrow());
            }
        }
        if (revoked.size() < count) {
            throw new DomainException(HttpStatus.CONFLICT, "VOUCHERS_NOT_REVOCABLE", "Only " + revoked.size() + " of the " + count
                    + " vouchers to take back are unused; used vouchers cannot be refunded", Map.of("unused", revoked.size()));
        }
        return revoked;
    }
}
