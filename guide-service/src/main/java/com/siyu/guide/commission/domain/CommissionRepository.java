package com.siyu.guide.commission.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Attributions, rules, the ledger and payouts of the tenant in context (infra). */
public interface CommissionRepository {

    record Attribution(String orderNo, long memberId, Long guideId, long grossFen, long paidFen, long refundedFen) {
    }

    /** {@code via}: BINDING or LINK (null without a guide); {@code linkId}, {@code campaign}: the share link's, when via LINK. */
    record NewAttribution(String orderNo, String paymentNo, long memberId, Long guideId, long storeId, long merchantId, String category,
                          long grossFen, long paidFen, Instant paidAt, String via, Long linkId, String campaign) {
    }

    /** How long commission stays PENDING, and how long after opening a share link a payment still credits its guide. */
    record Policy(int refundWindowDays, int linkAttributionDays) {
    }

    /** False when the order was attributed before (a duplicate delivery). */
    boolean attribute(NewAttribution attribution);

    /** The order's attribution, row-locked until the transaction ends. */
    Optional<Attribution> lockAttribution(String orderNo);

    void addRefunded(String orderNo, long refundGross);

    List<CommissionRule> rules();

    long addRule(Long merchantId, String category, String campaign, CommissionRule.Kind kind, long value, Long capFen, Instant now);

    boolean deactivateRule(long id);

    Policy policy();

    void setPolicy(Policy policy, Instant now);

    /** False when a line with this business key exists (applied before). */
    boolean appendLine(long guideId, long memberId, String orderNo, String kind, String bizKey, long baseFen, long amountFen, String status,
                       Instant settleAfter, Instant now);

    Optional<CommissionLine> earnLine(String orderNo);

    /** What one settlement run settled for one guide: how many lines and their sum (fen; negative when clawbacks dominate). */
    record Settled(long tenantId, long guideId, int lines, long amountFen) {
    }

    /**
     * PENDING lines due by {@code asOf} become SETTLED (settled_at = asOf): the tenant in context's, or every tenant's
     * when {@code allTenants}; in the caller's transaction. Returns what settled per guide.
     */
    List<Settled> settleDue(Instant asOf, boolean allTenants);

    /** Every guide's SETTLED lines whose sum is positive become PAID in one new payout; null when there is nothing to pay. */
    Long payout(Long staffId, Instant now);

    Map<String, Object> payoutSummary(long id);

    List<Map<String, Object>> payoutGuides(long id);

    List<CommissionLine> linesOf(long guideId, String status, long beforeId, int limit);

    record Purchase(String orderNo, String paymentNo, Long guideId, long merchantId, long paidFen, long refundedFen, java.time.Instant paidAt) {
    }

    /** The member's attributed purchases, newest first. */
    List<Purchase> purchasesOf(long memberId, int limit);

    /** Commission earned from the member's purchases, by status (fen). */
    Map<String, Long> totalsFromMember(long memberId);

    /** The guide's totals by status (fen). */
    Map<String, Long> totalsOf(long guideId);
}
