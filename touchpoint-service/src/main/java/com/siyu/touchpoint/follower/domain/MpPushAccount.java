package com.siyu.touchpoint.follower.domain;

/** The official account's message push settings (服务器配置, safe mode): Token and EncodingAESKey. */
public record MpPushAccount(String token, String encodingAesKey) {

    @Override
    public String toString() {
        return "MpPushAccount[hidden]";
    }
}
