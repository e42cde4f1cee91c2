package com.siyu.guide.commission.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A tenant's commission rule: for one campaign, one counter, one category, or every order (all null). */
public record CommissionRule(long id, Long merchantId, String category, String campaign, Kind kind, long value, Long capFen, boolean active) {

    public enum Kind { PERCENT, FIXED }

    /**
     * The most specific active rule for an order: the campaign's (when the order came through a share link of
     * that campaign), else the counter's, else the category's, else the tenant-wide one; the newest of a kind.
     */
    public static Optional<CommissionRule> forOrder(List<CommissionRule> rules, long merchantId, String category, String campaign) {
        Comparator<CommissionRule> newest = Comparator.comparingLong(CommissionRule::id);
        List<CommissionRule> active = rules.stream().filter(CommissionRule::active).toList();
        Optional<CommissionRule> byCampaign = active.stream().filter(r -> r.campaign() != null && r.campaign().equals(campaign)).max(newest);
        if (byCampaign.isPresent()) {
            return byCampaign;
        }
        List<CommissionRule> general = active.stream().filter(r -> r.campaign() == null).toList();
        Optional<CommissionRule> counter = general.stream().filter(r -> r.merchantId() != null && r.merchantId() == merchantId).max(newest);
        if (counter.isPresent()) {
            return counter;
        }
        Optional<CommissionRule> byCategory = general.stream()
                .filter(r -> r.merchantId() == null && r.category() != null && Objects.equals(r.category(), category)).max(newest);
        if (byCategory.isPresent()) {
            return byCategory;
        }
        return general.stream().filter(r -> r.merchantId() == null && r.category() == null).max(newest);
    }
}
