package com.siyu.payment.refund.infra;

import com.siyu.payment.refund.domain.Refunding;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hands refunds the channel did not take to it again, and asks about accepted ones it has not confirmed. */
@Component
class RefundRetryJob {

    private final Refunding refunding;

    RefundRetryJob(Refunding refunding) {
        this.refunding = refunding;
    }

    @Scheduled(fixedDelayString = "${siyu.payment.refund-retry-delay:PT30S}", initialDelayString = "${siyu.payment.refund-retry-delay:PT30S}")
    // once per cluster: instances share the lock in this service's database (ShedLock)
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "payment.refund-retry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT20S")
    public void retry() {
        refunding.retryDue(100);
    }
}
