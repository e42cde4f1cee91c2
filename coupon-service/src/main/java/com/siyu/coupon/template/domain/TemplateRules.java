package com.siyu.coupon.template.domain;

import java.util.List;

/**
 * Everything about a template beyond its face value and stock: what it is sold for, minimum spend,
 * daily limit, relative validity, usable window, scope, stacking, funding, refund policy, geo-fence,
 * the WeChat card wallet id and (blind box) its prizes.
 *
 * @param merchantSharePercent the merchant's share of the discount; the rest is funded by the mall
 * @param validDays            when set, a coupon is valid for N days from its issue (the template's
 *                             validFrom/validTo is then the issuing window)
 * @param geoRadiusMeters      when set, a member may claim only within this distance of one of the scope's stores
 */
public record TemplateRules(String itemName, Long priceFen, Long minSpendFen, Integer perMemberDailyLimit,
                            Integer validDays, UsableWindow usableWindow, Scope scope, Stacking stacking,
                            int merchantSharePercent, RefundPolicy refundPolicy, Integer geoRadiusMeters,
                            String wxCardId, List<BlindBoxPrize> prizes) {

    public static final TemplateRules DEFAULTS = new TemplateRules(null, null, null, null, null, UsableWindow.ALWAYS,
            Scope.TENANT, Stacking.EXCLUSIVE_BUT_POINTS, 0, RefundPolicy.RESTORE, null, null, List.of());

    public TemplateRules {
        usableWindow = usableWindow == null ? UsableWindow.ALWAYS : usableWindow;
        scope = scope == null ? Scope.TENANT : scope;
        stacking = stacking == null ? Stacking.EXCLUSIVE_BUT_POINTS : stacking;
        refundPolicy = refundPolicy == null ? RefundPolicy.RESTORE : refundPolicy;
        prizes = prizes == null ? List.of() : List.copyOf(prizes);
        if (minSpendFen != null && minSpendFen <= 0) {
            throw new InvalidTemplate("minSpendFen must be positive when given");
        }
        if (perMemberDailyLimit != null && perMemberDailyLimit <= 0) {
            throw new InvalidTemplate("perMemberDailyLimit must be positive when given");
        }
        if (validDays != null && (validDays <= 0 || validDays > 3660)) {
            throw new InvalidTemplate("validDays must be between 1 and 3660");
        }
        if (merchantSharePercent < 0 || merchantSharePercent > 100) {
            throw new InvalidTemplate("merchantSharePercent must be between 0 and 100");
        }
        if (geoRadiusMeters != null && (geoRadiusMeters <= 0 || geoRadiusMeters > 1_000_000)) {
            throw new InvalidTemplate("geoRadiusMeters must be between 1 and 1000000");
        }
        if (geoRadiusMeters != null && scope.storeIds().isEmpty()) {
            throw new InvalidTemplate("A geo-fenced template needs storeIds: the fence is drawn around them");
        }
    }
}
