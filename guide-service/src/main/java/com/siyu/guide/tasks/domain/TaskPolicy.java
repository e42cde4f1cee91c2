package com.siyu.guide.tasks.domain;

/**
 * The tenant's task generation: a WELCOME task within {@code welcomeHours} of a new binding (on by default, 24 h),
 * a BIG_SPEND task within {@code bigSpendHours} of a payment of at least {@code bigSpendFen} (off while null), and
 * the guide points a generated task rewards, and a DORMANT task for a bound member not seen for {@code dormantDays}
 * (default 30; 0 turns it off), a BIRTHDAY task for a bound member whose birthday falls in the coming {@code birthdayDays}
 * (default 3; 0 turns it off), and a COUPON_EXPIRY task when a bound member's coupon is about to end (on by default).
 */
public record TaskPolicy(boolean welcomeEnabled, int welcomeHours, String welcomeContent, Long bigSpendFen, int bigSpendHours, int rewardPoints,
                         int dormantDays, int birthdayDays, boolean couponExpiryEnabled) {

    public static final TaskPolicy DEFAULT = new TaskPolicy(true, 24, null, null, 48, 10, 30, 3, true);
}
