package com.siyu.guide.commission.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A tenant's commission rule: for one counter, one category, or every order (both null). */
public record CommissionRule(long id, Long merchantId, String category, Kind kind, long value, Long capFen, boolean active) {

    public enum Kind { PERCENT, FIXED }

    /** The most specific active rule for an order: the counter's, else the category's, else the tenant-wide one; the newest of a kind. */
    public static Optional<CommissionRule> forOrder(List<CommissionRule> rules, long merchantId, String category) {
        Comparator<CommissionRule> newest = Comparator.comparingLong(CommissionRule::id);
        List<CommissionRule> active = rules.stream().filter(CommissionRule::active).toList();
        Optional<CommissionRule> counter = active.stream().filter(r -> r.merchantId() != null && r.merchantId() == merchantId).max(newest);
        if (counter.isPresent()) {
            return counter;
        }
        Optional<CommissionRule> byCategory = active.stream()
                .filter(r -> r.merchantId() == null && r.category() != null && Objects.equals(r.category(), category)).max(newest);
        if (byCategory.isPresent()) {
            return byCategory;
        }
        return active.stream().filter(r -> r.merchantId() == null && r.category() == null).max(newest);
    }
}
