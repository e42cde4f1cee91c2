package com.siyu.points.receipt.domain;

/**
 * A tenant's limits on receipt claims.
 *
 * @param maxAmountFen largest receipt a shopper may claim (bigger ones go to the service desk)
 * @param maxAgeDays   a receipt may be claimed on the day of purchase and this many days after (tenant time zone)
 * @param dailyClaims  claims one member may submit per local day
 */
public record ReceiptRules(long maxAmountFen, int maxAgeDays, int dailyClaims) {

    /** ¥50,000 a receipt, a week to claim it, three claims a day. */
    public static final ReceiptRules DEFAULT = new ReceiptRules(5_000_000, 7, 3);

    public ReceiptRules {
        if (maxAmountFen < 1 || maxAmountFen > 100_000_000_000L) {
            throw new IllegalArgumentException("maxAmountFen must be 1-100000000000");
        }
        if (maxAgeDays < 0 || maxAgeDays > 365) {
            throw new IllegalArgumentException("maxAgeDays must be 0-365");
        }
        if (dailyClaims < 1 || dailyClaims > 100) {
            throw new IllegalArgumentException("dailyClaims must be 1-100");
        }
    }
}
