package com.siyu.touchpoint.support.domain;

/** The tenant's mini-program message push settings: the Token and EncodingAESKey set in WeChat's console (both secrets). */
public record CsAccount(String token, String encodingAesKey) {

    @Override
    public String toString() {
        return "CsAccount[secrets hidden]";
    }
}
