package com.siyu.coupon.template.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A coupon template; validates itself on creation so that no half-specified coupon can exist.
 * Amounts are integer fen. {@code discountPercent} is the percentage taken off (10 = 10 % off).
 */
public record CouponTemplate(Long id, String name, CouponType type, Long valueFen, Long thresholdFen,
                             Integer discountPercent, Long maxDiscountFen, int totalStock, int issuedCount,
                             int perMemberLimit, Instant validFrom, Instant validTo, TemplateStatus status,
                             TemplateRules rules) {

    public CouponTemplate {
        if (name == null || name.isBlank()) {
            throw new InvalidTemplate("A coupon template needs a name");
        }
        if (type == null) {
            throw new InvalidTemplate("A coupon template needs a type");
        }
        rules = rules == null ? TemplateRules.DEFAULTS : rules;
        switch (type) {
            case CASH -> {
                require(valueFen != null && valueFen > 0, "A cash coupon needs valueFen > 0");
                require(discountPercent == null, "A cash coupon has no discountPercent");
            }
            case THRESHOLD -> {
                require(valueFen != null && valueFen > 0, "A threshold coupon needs valueFen > 0");
                require(thresholdFen != null && thresholdFen > valueFen,
                        "A threshold coupon needs thresholdFen greater than valueFen (spend X, get Y off with Y < X)");
                require(discountPercent == null, "A threshold coupon has no discountPercent");
            }
            case DISCOUNT -> {
                require(discountPercent != null && discountPercent >= 1 && discountPercent <= 99,
                        "A discount coupon needs discountPercent between 1 and 99");
                require(maxDiscountFen == null || maxDiscountFen > 0, "maxDiscountFen must be positive when given");
                require(valueFen == null, "A discount coupon has no valueFen");
            }
            case EXCHANGE -> {
                require(rules.itemName() != null && !rules.itemName().isBlank(), "An exchange coupon needs itemName");
                require(discountPercent == null && thresholdFen == null, "An exchange coupon has no discount");
            }
            case GROUP_BUY -> {
                require(valueFen != null && valueFen > 0, "A group-buy voucher needs valueFen > 0 (what it is worth)");
                require(rules.priceFen() != null && rules.priceFen() > 0 && rules.priceFen() < valueFen,
                        "A group-buy voucher needs priceFen > 0 and below valueFen (600 buys 750)");
                require(discountPercent == null && thresholdFen == null, "A group-buy voucher has no threshold or percentage");
            }
            case BLIND_BOX -> {
                require(rules.priceFen() != null && rules.priceFen() > 0, "A blind box needs priceFen > 0");
                require(valueFen == null && discountPercent == null && thresholdFen == null, "A blind box has no discount");
            }
        }
        require(totalStock > 0, "totalStock must be positive");
        require(perMemberLimit > 0, "perMemberLimit must be positive");
        require(rules.perMemberDailyLimit() == null || rules.perMemberDailyLimit() <= perMemberLimit,
                "perMemberDailyLimit cannot exceed perMemberLimit");
        require(issuedCount >= 0 && issuedCount <= totalStock, "issuedCount must be within the stock");
        require(validFrom != null && validTo != null && validFrom.isBefore(validTo), "validFrom must be before validTo");
    }

    public static CouponTemplate draft(String name, CouponType type, Long valueFen, Long thresholdFen, Integer discountPercent,
                                       Long maxDiscountFen, int totalStock, int perMemberLimit, Instant validFrom, Instant validTo) {
        return draft(name, type, valueFen, thresholdFen, discountPercent, maxDiscountFen, totalStock, perMemberLimit,
                validFrom, validTo, TemplateRules.DEFAULTS);
    }

    /** A new template; checks also what only matters at creation (a blind box's prizes add up to its stock). */
    public static CouponTemplate draft(String name, CouponType type, Long valueFen, Long thresholdFen, Integer discountPercent,
                                       Long maxDiscountFen, int totalStock, int perMemberLimit, Instant validFrom, Instant validTo,
                                       TemplateRules rules) {
        CouponTemplate draft = new CouponTemplate(null, name, type, valueFen, thresholdFen, discountPercent, maxDiscountFen,
                totalStock, 0, perMemberLimit, validFrom, validTo, TemplateStatus.DRAFT, rules);
        if (type == CouponType.BLIND_BOX) {
            require(!draft.rules().prizes().isEmpty(), "A blind box needs prizes");
            long prizeStock = draft.rules().prizes().stream().mapToLong(BlindBoxPrize::stock).sum();
            require(prizeStock == totalStock, "A blind box's totalStock must equal the sum of its prizes' stock (" + prizeStock + ")");
        } else {
            require(draft.rules().prizes().isEmpty(), "Only a blind box has prizes");
        }
        return draft;
    }

    /** The discount in fen this coupon gives on {@code orderFen} of in-scope spend; 0 when it does not apply. */
    public long discountFor(long orderFen) {
        if (orderFen <= 0 || (rules.minSpendFen() != null && orderFen < rules.minSpendFen())) {
            return 0;
        }
        return switch (type) {
            case CASH, GROUP_BUY -> Math.min(valueFen, orderFen);
            case THRESHOLD -> orderFen >= thresholdFen ? valueFen : 0;
            case DISCOUNT -> {
                long off = orderFen * discountPercent / 100;
                yield maxDiscountFen == null ? off : Math.min(off, maxDiscountFen);
            }
            case EXCHANGE, BLIND_BOX -> 0;
        };
    }

    /**
     * When a coupon issued at {@code issuedAt} may be used: the template's fixed dates, or N days from
     * the issue when the template has relative validity.
     */
    public ValidityPeriod couponValidity(Instant issuedAt) {
        if (rules.validDays() == null) {
            return new ValidityPeriod(validFrom, validTo);
        }
        return new ValidityPeriod(issuedAt, issuedAt.plus(Duration.ofDays(rules.validDays())));
    }

    /** Whether coupons of this template may be issued at {@code at} (apart from its status and stock). */
    public boolean issuableAt(Instant at) {
        if (rules.validDays() == null) {
            return at.isBefore(validTo);
        }
        return !at.isBefore(validFrom) && at.isBefore(validTo);
    }

    /** Whether this coupon may be combined with a coupon of {@code other} in one payment. */
    public boolean stacksWith(CouponTemplate other) {
        return !java.util.Objects.equals(id, other.id)
                && rules.stacking().withTypes().contains(other.type)
                && other.rules.stacking().withTypes().contains(type);
    }

    public boolean geoFenced() {
        return rules.geoRadiusMeters() != null;
    }

    public CouponTemplate withStatus(TemplateStatus next) {
        return new CouponTemplate(id, name, type, valueFen, thresholdFen, discountPercent, maxDiscountFen, totalStock,
                issuedCount, perMemberLimit, validFrom, validTo, next, rules);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidTemplate(message);
        }
    }
}
