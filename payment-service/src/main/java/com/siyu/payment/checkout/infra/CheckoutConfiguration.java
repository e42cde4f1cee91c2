package com.siyu.payment.checkout.infra;

import com.siyu.payment.checkout.domain.CheckoutSettings;
import com.siyu.payment.checkout.domain.CheckoutRules;
import com.siyu.payment.checkout.domain.PromotionPolicy;
import com.siyu.payment.client.TenantMiniApps;
import com.siyu.payment.merchant.domain.MerchantAccounts;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CheckoutProperties.class)
class CheckoutConfiguration {

    /** The promotions and points share of tenants that set none of their own. */
    @Bean
    CheckoutRules.Defaults checkoutDefaults(CheckoutProperties properties) {
        return new CheckoutRules.Defaults(promotionPolicy(properties), properties.points().maxSharePercent());
    }

    private static PromotionPolicy promotionPolicy(CheckoutProperties properties) {
        CheckoutProperties.Promotions p = properties.promotions();
        PromotionPolicy.Combo combo = p.combo() == null ? null : new PromotionPolicy.Combo(p.combo().minOrders(), p.combo().thresholdFen(),
                p.combo().percent(), p.combo().perOrderCapFen(), p.combo().perPaymentCapFen(), p.combo().merchantSharePercent());
        List<PromotionPolicy.Tier> tiers = p.tiers() == null ? List.of()
                : p.tiers().stream().map(t -> new PromotionPolicy.Tier(t.thresholdFen(), t.offFen())).toList();
        return new PromotionPolicy(combo, tiers, p.tierMerchantSharePercent());
    }

    @Bean
    CheckoutSettings checkoutSettings(CheckoutProperties properties) {
        return new CheckoutSettings(properties.timeout(), properties.notificationMaxAge());
    }

    /** Real WeChat Pay v3 (or a stub of it at {@code siyu.payment.wechat.base-url}). */
    @Bean
    @ConditionalOnProperty(name = "siyu.payment.channel", havingValue = "wechat")
    WechatPayChannel wechatPayChannel(CheckoutProperties properties, CheckoutSettings settings, MerchantAccounts accounts,
                                      TenantMiniApps miniApps, WechatPayeeMapper payees, Clock clock) {
        return new WechatPayChannel(properties.wechat(), settings, accounts, miniApps, new WechatPayees(payees, clock), clock);
    }

    /** Local runs: the channel confirms every prepay at once; it never accepts a notification. */
    @Bean
    @ConditionalOnProperty(name = "siyu.payment.channel", havingValue = "sandbox")
    SandboxChannel sandboxChannel(Clock clock) {
        return new SandboxChannel(clock);
    }
}
