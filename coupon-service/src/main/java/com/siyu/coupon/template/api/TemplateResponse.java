package com.siyu.coupon.template.api;

import com.siyu.coupon.template.domain.BlindBoxPrize;
import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.template.domain.TemplateRules;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

public record TemplateResponse(long id, String name, String type, Long valueFen, Long thresholdFen, Integer discountPercent,
                               Long maxDiscountFen, int totalStock, int issuedCount, int perMemberLimit, Instant validFrom,
                               Instant validTo, String status, String itemName, Long priceFen, Long minSpendFen,
                               Integer perMemberDailyLimit, Integer validDays, Integer usableFromMinute, Integer usableToMinute,
                               Set<Integer> usableWeekdays, Set<Long> storeIds, Set<Long> merchantIds, Set<String> categories,
                               Set<Long> excludedMerchantIds, Set<String> excludedCategories, boolean stacksWithPoints,
                               Set<String> stacksWithTypes, int merchantSharePercent, String refundPolicy,
                               Integer geoRadiusMeters, String wxCardId, List<PrizeResponse> prizes) {

    public record PrizeResponse(long id, String name, int weight, int stock, int drawn) {
    }

    static TemplateResponse of(CouponTemplate t) {
        return of(t, List.of());
    }

    static TemplateResponse of(CouponTemplate t, List<BlindBoxPrize> prizes) {
        TemplateRules r = t.rules();
        Set<Integer> weekdays = new TreeSet<>(r.usableWindow().weekdays().stream().map(DayOfWeek::getValue).toList());
        Set<String> stacks = new TreeSet<>(r.stacking().withTypes().stream().map(Enum::name).toList());
        return new TemplateResponse(t.id(), t.name(), t.type().name(), t.valueFen(), t.thresholdFen(), t.discountPercent(),
                t.maxDiscountFen(), t.totalStock(), t.issuedCount(), t.perMemberLimit(), t.validFrom(), t.validTo(), t.status().name(),
                r.itemName(), r.priceFen(), r.minSpendFen(), r.perMemberDailyLimit(), r.validDays(), r.usableWindow().fromMinute(),
                r.usableWindow().toMinute(), weekdays, new TreeSet<>(r.scope().storeIds()), new TreeSet<>(r.scope().merchantIds()),
                new TreeSet<>(r.scope().categories()), new TreeSet<>(r.scope().excludedMerchantIds()),
                new TreeSet<>(r.scope().excludedCategories()), r.stacking().withPoints(), stacks, r.merchantSharePercent(),
                r.refundPolicy().name(), r.geoRadiusMeters(), r.wxCardId(),
                prizes.stream().map(p -> new PrizeResponse(p.id(), p.name(), p.weight(), p.stock(), p.drawn())).toList());
    }
}
