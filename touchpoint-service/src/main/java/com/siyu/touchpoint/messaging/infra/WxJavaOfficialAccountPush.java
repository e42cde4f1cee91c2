package com.siyu.touchpoint.messaging.infra;

import com.siyu.touchpoint.follower.domain.MpPushAccount;
import com.siyu.touchpoint.follower.domain.OfficialAccountPush;
import com.siyu.touchpoint.support.domain.PushSignatureInvalid;
import java.time.Instant;
import java.util.Optional;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.springframework.stereotype.Component;

/**
 * The official account's message push (safe mode: XML, AES) through WxJava's mp module: the URL signature and
 * msg_signature are the tenant's Token's, the body decrypts with its EncodingAESKey and must name the tenant's official
 * account; the follower's unionid comes from WeChat's user info through the tenant's client.
 */
@Component
class WxJavaOfficialAccountPush implements OfficialAccountPush {

    private final WxJavaOfficialAccountChannel accounts;

    WxJavaOfficialAccountPush(WxJavaOfficialAccountChannel accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean signed(MpPushAccount account, String signature, String timestamp, String nonce) {
        return WxJavaWeChatMessages.signedWith(account.token(), signature, timestamp, nonce);
    }

    @Override
    public Inbound open(MpPushAccount account, String msgSignature, String timestamp, String nonce, String body) {
        String appId = appId().orElseThrow(PushSignatureInvalid::new);
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setToken(account.token());
        config.setAesKey(account.encodingAesKey());
        config.setAppId(appId);
        WxMpXmlMessage message;
        try {
            // checks msg_signature over the encrypted part, then decrypts it
            message = WxMpXmlMessage.fromEncryptedXml(body, config, timestamp, nonce, msgSignature);
        } catch (RuntimeException e) {
            throw new PushSignatureInvalid();
        }
        // the app id the message was encrypted for: another account's push is not ours
        if (!appId.equals(WxJavaWeChatMessages.appIdOf(body, account.encodingAesKey()))) {
            throw new PushSignatureInvalid();
        }
        if (message.getFromUser() == null || message.getMsgType() == null) {
            throw new PushSignatureInvalid();
        }
        Instant at = message.getCreateTime() == null ? Instant.now() : Instant.ofEpochSecond(message.getCreateTime());
        return new Inbound(message.getFromUser(), message.getMsgType(), message.getEvent(), at);
    }

    @Override
    public Optional<String> appId() {
        return accounts.service().map(s -> s.getWxMpConfigStorage().getAppId());
    }

    @Override
    public Optional<String> unionIdOf(String openId) {
        Optional<WxMpService> service = accounts.service();
        if (service.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(service.get().getUserService().userInfo(openId).getUnionId()).filter(u -> !u.isBlank());
        } catch (WxErrorException | WxRuntimeException e) {
            // not bound to an open platform, or WeChat busy: member-service still matches an openid it knows
            return Optional.empty();
        }
    }
}
