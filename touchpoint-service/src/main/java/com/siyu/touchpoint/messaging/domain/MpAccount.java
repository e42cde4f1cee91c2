package com.siyu.touchpoint.messaging.domain;

/** A tenant's official account (公众号): its AppID and AppSecret. */
public record MpAccount(String appId, String appSecret) {

    @Override
    public String toString() {
        return "MpAccount[" + appId + ", secret hidden]";
    }
}
