package com.siyu.touchpoint.messaging.domain;

/** A tenant's account at its SMS provider: the AccessKey pair and the approved signature (签名) every message carries. */
public record SmsAccount(String provider, String accessKeyId, String accessKeySecret, String signName) {

    public static final String ALIYUN = "ALIYUN";

    @Override
    public String toString() {
        return "SmsAccount[" + provider + ", " + accessKeyId + ", secret hidden, " + signName + "]";
    }
}
