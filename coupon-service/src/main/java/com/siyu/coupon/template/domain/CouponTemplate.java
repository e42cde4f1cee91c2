package com.siyu.coupon.template.domain;

import java.time.Instant;

/**
 * A coupon template; validates itself on creation so that no half-specified coupon can exist.
 * Amounts are integer fen.
 */
public record CouponTemplate(Long id, String name, CouponType type, Long valueFen, Long thresholdFen,
                             Integer discountPercent, Long maxDiscountFen, int totalStock, int issuedCount,
                             int perMemberLimit, Instant validFrom, Instant validTo, TemplateStatus status) {

    public CouponTemplate {
        if (name == null || name.isBlank()) {
            throw new InvalidTemplate("A coupon template needs a name");
        }
        if (type == null) {
            throw new InvalidTemplate("A coupon template needs a type");
        }
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
        }
        require(totalStock > 0, "totalStock must be positive");
        require(perMemberLimit > 0, "perMemberLimit must be positive");
        require(issuedCount >= 0 && issuedCount <= totalStock, "issuedCount must be within the stock");
        require(validFrom != null && validTo != null && validFrom.isBefore(validTo), "validFrom must be before validTo");
    }

    public static CouponTemplate draft(String name, CouponType type, Long valueFen, Long thresholdFen, Integer discountPercent,
                                       Long maxDiscountFen, int totalStock, int perMemberLimit, Instant validFrom, Instant validTo) {
        return new CouponTemplate(null, name, type, valueFen, thresholdFen, discountPercent, maxDiscountFen, totalStock, 0,
                perMemberLimit, validFrom, validTo, TemplateStatus.DRAFT);
    }

    /** The discount in fen this coupon gives on an order of {@code orderFen}; 0 when it does not apply. */
    public long discountFor(long orderFen) {
        return switch (type) {
            case CASH -> Math.min(valueFen, orderFen);
            case THRESHOLD -> orderFen >= thresholdFen ? valueFen : 0;
            case DISCOUNT -> {
                long off = orderFen * discountPercent / 100;
                yield maxDiscountFen == null ? off : Math.min(off, maxDiscountFen);
            }
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidTemplate(message);
        }
    }
}
