package com.siyu.payment.voucher.infra;

import com.siyu.payment.voucher.domain.VoucherSales;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Issues the vouchers of paid purchases that did not get them at once (coupon-service was down). */
@Component
class VoucherFulfilmentJob {

    private final VoucherSales sales;

    VoucherFulfilmentJob(VoucherSales sales) {
        this.sales = sales;
    }

    @Scheduled(fixedDelayString = "${siyu.payment.reward-retry-delay:PT1M}", initialDelayString = "${siyu.payment.reward-retry-delay:PT1M}")
    // once per cluster: instances share the lock in this service's database (ShedLock)
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "payment.voucher-fulfilment", lockAtMostFor = "PT10M", lockAtLeastFor = "PT40S")
    public void fulfil() {
        sales.fulfilDue(100);
    }
}
