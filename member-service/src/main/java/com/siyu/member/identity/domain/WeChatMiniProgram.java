package com.siyu.member.identity.domain;

/** WeChat's mini-program API as member-service needs it (implemented with WxJava in infra). */
public interface WeChatMiniProgram {

    /** code2session; throws {@link WeChatRejected} for an invalid or used code. */
    WeChatSession exchange(MiniApp app, String code);

    /** Decrypts the getPhoneNumber payload with the session key; returns the bare phone number. */
    String decryptPhone(MiniApp app, String sessionKey, String encryptedData, String iv);

    /** The newer phone-code API: asks WeChat for the number behind a one-time code. */
    String phoneByCode(MiniApp app, String phoneCode);

    /**
     * The app's access token (WeChat's stable token, cached until shortly before it expires). member-service is the one
     * place that asks WeChat for it (中控), so the services that send through the mini-program never invalidate each other's.
     */
    String accessToken(MiniApp app);
}
