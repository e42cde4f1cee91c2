package com.siyu.payment.checkout.infra;

import com.siyu.payment.checkout.domain.Settlement;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Earns the points of paid payments whose reward did not go through at once (points-service was down). */
@Component
class RewardRetryJob {

    private final Settlement settlement;

    RewardRetryJob(Settlement settlement) {
        this.settlement = settlement;
    }

    @Scheduled(fixedDelayString = "${siyu.payment.reward-retry-delay:PT1M}", initialDelayString = "${siyu.payment.reward-retry-delay:PT1M}")
    // once per cluster: instances share the lock in this service's database (ShedLock)
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "payment.reward-retry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT40S")
    public void retry() {
        settlement.rewardDue(100);
    }
}
