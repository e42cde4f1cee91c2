package com.siyu.coupon.template.domain;

import java.util.Set;

/**
 * Where a coupon applies: empty sets mean "every" (the whole tenant); exclusions win over inclusions.
 */
public record Scope(Set<Long> storeIds, Set<Long> merchantIds, Set<String> categories,
                    Set<Long> excludedMerchantIds, Set<String> excludedCategories) {

    public static final Scope TENANT = new Scope(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public Scope {
        storeIds = storeIds == null ? Set.of() : Set.copyOf(storeIds);
        merchantIds = merchantIds == null ? Set.of() : Set.copyOf(merchantIds);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        excludedMerchantIds = excludedMerchantIds == null ? Set.of() : Set.copyOf(excludedMerchantIds);
        excludedCategories = excludedCategories == null ? Set.of() : Set.copyOf(excludedCategories);
    }

    /** Whether a purchase at this store and merchant in this category is covered. */
    public boolean covers(Long storeId, Long merchantId, String category) {
        if (merchantId != null && excludedMerchantIds.contains(merchantId)) {
            return false;
        }
        if (category != null && excludedCategories.contains(category)) {
            return false;
        }
        return (storeIds.isEmpty() || (storeId != null && storeIds.contains(storeId)))
                && (merchantIds.isEmpty() || (merchantId != null && merchantIds.contains(merchantId)))
                && (categories.isEmpty() || (category != null && categories.contains(category)));
    }
}
