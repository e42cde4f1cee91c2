package com.siyu.payment.checkout.infra;

import com.siyu.payment.checkout.domain.PaymentExpiry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Closes unpaid payments past their expiry (siyu.payment.timeout) at the channel and releases their locks. */
@Component
class ExpiryJob {

    private final PaymentExpiry expiry;

    ExpiryJob(PaymentExpiry expiry) {
        this.expiry = expiry;
    }

    @Scheduled(fixedDelayString = "${siyu.payment.expiry-delay:PT1M}", initialDelayString = "${siyu.payment.expiry-delay:PT1M}")
    // once per cluster: instances share the lock in this service's database (ShedLock)
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "payment.expiry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT40S")
    public void closeExpired() {
        expiry.closeDue(100);
    }
}
