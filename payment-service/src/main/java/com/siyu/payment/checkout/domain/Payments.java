package com.siyu.payment.checkout.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The payments of the current tenant (only {@link #tenantOf} looks across tenants, by the globally unique number). */
public interface Payments {

    /** Inserts the payment, its merchant orders and its discount lines in one local transaction. */
    void create(NewPayment payment);

    Optional<Payment> find(String paymentNo);

    /** The tenant a payment number belongs to: for channel notifications, which carry no tenant. */
    Optional<Long> tenantOf(String paymentNo);

    /** PENDING → PAID; false when the payment was not PENDING (already processed, failed or closed). */
    boolean markPaid(String paymentNo, String transactionId, Instant paidAt);

    /** PENDING → FAILED; false when it was not PENDING. */
    boolean markFailed(String paymentNo, String failureCode);

    void recordPrepay(String paymentNo, String prepayId);

    void markRewarded(String paymentNo, Instant at);

    /** The status once no global transaction holds the row any more (waits for Seata's global lock). */
    Optional<PaymentStatus> settledStatus(String paymentNo);

    void markFulfilled(String paymentNo, Instant at);

    /** Paid voucher purchases whose vouchers are not all issued yet, across tenants. */
    List<TenantPayment> unfulfilled(Instant paidBefore, int limit);

    /** Payments paid but not yet rewarded (points earned), across tenants: tenant id and payment number. */
    List<TenantPayment> unrewarded(Instant paidBefore, int limit);

    /** PENDING → CLOSED; false when it was not PENDING. */
    boolean markClosed(String paymentNo);

    /** PENDING payments past their expiry, across tenants. */
    List<TenantPayment> expired(Instant now, int limit);

    record TenantPayment(long tenantId, String paymentNo) {
    }
}
