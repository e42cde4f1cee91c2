package com.siyu.payment.landing.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.payment.landing.domain.Landing;
import com.siyu.payment.landing.domain.LandingPages;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class MybatisLandingPages implements LandingPages {

    private final LandingPageMapper pages;
    private final Clock clock;

    MybatisLandingPages(LandingPageMapper pages, Clock clock) {
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    public void save(long merchantId, Landing landing, Long staffId) {
        LandingPageRow row = new LandingPageRow();
        row.tenantId = CallerContext.requireTenant();
        row.merchantId = merchantId;
        row.couponTemplateId = landing.couponTemplateId();
        row.activityPath = landing.activityPath();
        row.followOfficialAccount = landing.followOfficialAccount();
        row.wecomContactUrl = landing.wecomContactUrl();
        row.updatedBy = staffId;
        row.updatedAt = LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        pages.upsert(row);
    }

    @Override
    public boolean remove(long merchantId) {
        return pages.delete(new QueryWrapper<LandingPageRow>().eq("merchant_id", merchantId)) > 0;
    }

    @Override
    public Optional<Landing> of(long merchantId) {
        return Optional.ofNullable(pages.selectOne(new QueryWrapper<LandingPageRow>().eq("merchant_id", merchantId)))
                .map(r -> new Landing(r.couponTemplateId, r.activityPath, r.followOfficialAccount, r.wecomContactUrl));
    }
}
