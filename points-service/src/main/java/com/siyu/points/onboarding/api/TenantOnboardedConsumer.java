package com.siyu.points.onboarding.api;

import com.siyu.common.inbox.EventConsumer;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.points.earning.domain.EarningDefaults;
import java.util.Set;
import org.springframework.stereotype.Component;

/** member-service's {@code TenantOnboarded}: the new tenant gets the default earn rule, once (common's inbox). */
@Component
class TenantOnboardedConsumer implements EventConsumer {

    static final String ONBOARDED = "member-service.TenantOnboarded";

    private final EarningDefaults defaults;

    TenantOnboardedConsumer(EarningDefaults defaults) {
        this.defaults = defaults;
    }

    @Override
    public Set<String> routingKeys() {
        return Set.of(ONBOARDED);
    }

    @Override
    public void consume(ReceivedEvent event) {
        defaults.apply();
    }
}
