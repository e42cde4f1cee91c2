package com.siyu.payment.checkout.infra;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code siyu.payment.*}. Promotions and the points share here are the defaults of tenants that set
 * none of their own (PUT /admin/v1/payment/checkout-rules).
 */
@ConfigurationProperties("siyu.payment")
record CheckoutProperties(String channel,
                          @DefaultValue("15m") Duration timeout,
                          @DefaultValue("5m") Duration notificationMaxAge,
                          @DefaultValue Points points,
                          @DefaultValue Promotions promotions,
                          @DefaultValue Wechat wechat) {

    /** {@code maxSharePercent}: the default share of a payment points may pay (the redeem rate is points-service's, per tenant). */
    record Points(@DefaultValue("50") int maxSharePercent) {
    }

    record Promotions(Combo combo, List<Tier> tiers, @DefaultValue("0") int tierMerchantSharePercent) {
    }

    record Combo(@DefaultValue("2") int minOrders, long thresholdFen, int percent, long perOrderCapFen, long perPaymentCapFen,
                 @DefaultValue("0") int merchantSharePercent) {
    }

    record Tier(long thresholdFen, long offFen) {
    }

    /**
     * A WeChat Pay v3 merchant in "WeChat Pay public key" mode: requests are signed with the merchant's
     * private key (certificate serial {@code merchantSerialNo}); answers and notifications are verified
     * with the platform public key {@code platformPublicKey} (id {@code PUB_KEY_ID_…}). {@code proxyHost}/{@code proxyPort}:
     * an optional egress proxy. WxJava signs requests and verifies answers only for hosts under
     * {@code .mch.weixin.qq.com}, so a stub is reached through the proxy, never by renaming the host.
     * Refund results are notified at {@code notifyUrl + "/refunds"}; tenants' own merchants and sub-merchants
     * at {@code notifyUrl + "/merchants/<mchid>"} and {@code notifyUrl + "/partner"} (each with {@code /refunds}).
     */
    record Wechat(String appId, String mchId, String apiV3Key, String merchantSerialNo, String privateKey, String platformPublicKey,
                  String platformPublicKeyId, @DefaultValue("https://api.mch.weixin.qq.com") String baseUrl, String notifyUrl,
                  @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout, String proxyHost,
                  Integer proxyPort) {
    }
}
