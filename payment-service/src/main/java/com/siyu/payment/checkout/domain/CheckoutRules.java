package com.siyu.payment.checkout.domain;

import com.siyu.payment.client.PointsClient;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The tenant's checkout rules: its own promotions (连单, 满减) and points share, or the deployment's
 * defaults when it set none; the points redeem rate always from points-service's policy of the tenant,
 * so a point is worth the same at the cashier as everywhere else in the mall.
 */
@Service
public class CheckoutRules {

    private final StoredRules stored;
    private final PointsClient points;
    private final Defaults defaults;

    public CheckoutRules(StoredRules stored, PointsClient points, Defaults defaults) {
        this.stored = stored;
        this.points = points;
        this.defaults = defaults;
    }

    /** What a tenant without its own rules gets (siyu.payment.promotions, siyu.payment.points.max-share-percent). */
    public record Defaults(PromotionPolicy promotions, int pointsMaxSharePercent) {
    }

    /** {@code own}: the tenant set these; false = the defaults. */
    public record Rules(PromotionPolicy promotions, PointsRule points, boolean own) {
    }

    /** Rules of the tenant in context. */
    public Rules current() {
        Optional<StoredRules.Stored> own = stored.find();
        PromotionPolicy promotions = own.map(StoredRules.Stored::promotions).orElse(defaults.promotions());
        int share = own.map(StoredRules.Stored::pointsMaxSharePercent).orElse(defaults.pointsMaxSharePercent());
        return new Rules(promotions, new PointsRule(points.policy().redeemPointsPerYuan(), share), own.isPresent());
    }

    public Rules set(PromotionPolicy promotions, int pointsMaxSharePercent, Long staffId) {
        stored.save(new StoredRules.Stored(promotions, pointsMaxSharePercent), staffId);
        return current();
    }

    /** Back to the defaults. */
    public Rules reset() {
        stored.remove();
        return current();
    }
}
