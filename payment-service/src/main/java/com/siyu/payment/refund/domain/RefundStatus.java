package com.siyu.payment.refund.domain;

/**
 * PROCESSING: recorded (points, coupons and subsidies are back) and the cash is on its way through the
 * channel (submitted, or retried until the channel accepts it); SUCCEEDED: the channel returned the cash;
 * ABNORMAL: the channel could not pay it back to the shopper (e.g. a closed card): customer service pays
 * it by other means.
 */
public enum RefundStatus {
    PROCESSING, SUCCEEDED, ABNORMAL
}
