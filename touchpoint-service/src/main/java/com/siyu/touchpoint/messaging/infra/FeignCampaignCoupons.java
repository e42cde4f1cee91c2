package com.siyu.touchpoint.messaging.infra;

import com.siyu.common.feign.RemoteRejection;
import com.siyu.touchpoint.client.CouponClient;
import com.siyu.touchpoint.messaging.domain.CampaignCoupons;
import java.util.Optional;
import org.springframework.stereotype.Component;

@Component
class FeignCampaignCoupons implements CampaignCoupons {

    private final CouponClient coupons;

    FeignCampaignCoupons(CouponClient coupons) {
        this.coupons = coupons;
    }

    @Override
    public Optional<Long> grant(long templateId, long memberId, String key) {
        try {
            return Optional.of(coupons.grant(new CouponClient.Grant(templateId, memberId, "CAMPAIGN", key)).id());
        } catch (RuntimeException e) {
            if (RemoteRejection.in(e).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
