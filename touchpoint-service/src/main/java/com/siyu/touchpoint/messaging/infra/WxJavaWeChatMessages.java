package com.siyu.touchpoint.messaging.infra;

import cn.binarywang.wx.miniapp.bean.WxMaKefuMessage;
import cn.binarywang.wx.miniapp.bean.WxMaMessage;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import com.siyu.touchpoint.support.domain.CsAccount;
import com.siyu.touchpoint.support.domain.KeywordRule;
import com.siyu.touchpoint.support.domain.PushSignatureInvalid;
import com.siyu.touchpoint.support.domain.WeChatMessages;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.springframework.stereotype.Component;

/**
 * The mini-program's message push (safe mode: XML, AES) through WxJava: the URL signature and msg_signature are the
 * tenant's Token's, the body decrypts with its EncodingAESKey and names its app id; replies go out as customer-service
 * messages through the tenant's client (token from member-service).
 */
@Component
class WxJavaWeChatMessages implements WeChatMessages, com.siyu.touchpoint.support.domain.MemberOpenIds {

    private final WxJavaMiniProgramChannel miniProgram;
    private final com.siyu.touchpoint.client.MemberIdentityClient identities;

    WxJavaWeChatMessages(WxJavaMiniProgramChannel miniProgram, com.siyu.touchpoint.client.MemberIdentityClient identities) {
        this.miniProgram = miniProgram;
        this.identities = identities;
    }

    /** The member of the openid in the tenant's mini-program, if member-service knows one. */
    @Override
    public java.util.Optional<Long> memberOf(String openId) {
        try {
            return java.util.Optional.of(identities.lookup("MINIAPP_OPENID", miniProgram.appId(), openId).id());
        } catch (RuntimeException e) {
            // not a member yet (404) or member-service busy: the conversation is kept by openid either way
            return java.util.Optional.empty();
        }
    }

    @Override
    public boolean signed(CsAccount account, String signature, String timestamp, String nonce) {
        return signedWith(account.token(), signature, timestamp, nonce);
    }

    /** A WeChat push URL's signature: SHA-1 of the Token, timestamp and nonce, compared in constant time (mini-program and official account alike). */
    static boolean signedWith(String token, String signature, String timestamp, String nonce) {
        if (signature == null || timestamp == null || nonce == null) {
            return false;
        }
        String expected = SHA1.gen(token, timestamp, nonce);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public Inbound open(CsAccount account, String msgSignature, String timestamp, String nonce, String body) {
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setToken(account.token());
        config.setAesKey(account.encodingAesKey());
        config.setAppid(miniProgram.appId());
        WxMaMessage message;
        try {
            // checks msg_signature over the encrypted part, then decrypts it
            message = WxMaMessage.fromEncryptedXml(body, config, timestamp, nonce, msgSignature);
        } catch (RuntimeException e) {
            throw new PushSignatureInvalid();
        }
        // WxJava reads the app id the message was encrypted for but does not compare it: another app's push is not ours
        if (!config.getAppid().equals(appIdOf(body, account.encodingAesKey()))) {
            throw new PushSignatureInvalid();
        }
        if (message.getFromUser() == null || message.getMsgType() == null) {
            throw new PushSignatureInvalid();
        }
        String msgId = message.getMsgId() != null ? String.valueOf(message.getMsgId())
                : message.getFromUser() + ":" + message.getCreateTime() + ":" + message.getMsgType();
        Instant at = message.getCreateTime() == null ? Instant.now() : Instant.ofEpochSecond(message.getCreateTime());
        String content = message.getContent() == null ? null : message.getContent().substring(0, Math.min(2_000, message.getContent().length()));
        return new Inbound(message.getFromUser(), message.getMsgType(), content, msgId.length() <= 32 ? msgId : msgId.substring(0, 32), at);
    }

    /**
     * The app id at the end of the decrypted Encrypt part (WeChat's layout: 16 random bytes, the message length as 4
     * bytes big-endian, the message, the app id; AES-256-CBC with the key from EncodingAESKey, IV its first 16 bytes).
     */
    static String appIdOf(String body, String encodingAesKey) {
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            org.w3c.dom.NodeList nodes = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(body)))
                    .getElementsByTagName("Encrypt");
            if (nodes.getLength() != 1) {
                return null;
            }
            byte[] key = java.util.Base64.getDecoder().decode(encodingAesKey + "=");
            javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                    new javax.crypto.spec.IvParameterSpec(java.util.Arrays.copyOfRange(key, 0, 16)));
            byte[] plain = aes.doFinal(java.util.Base64.getDecoder().decode(nodes.item(0).getTextContent().strip()));
            int pad = plain[plain.length - 1] & 0xff;
            int end = plain.length - (pad >= 1 && pad <= 32 ? pad : 0);
            int length = java.nio.ByteBuffer.wrap(plain, 16, 4).getInt();
            int from = 20 + length;
            return from <= end ? new String(plain, from, end - from, StandardCharsets.UTF_8) : null;
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public Sent reply(String openId, KeywordRule.Reply reply) {
        WxMaKefuMessage message = reply.type() == KeywordRule.Reply.Type.CARD
                ? WxMaKefuMessage.newMaPageBuilder().title(reply.title()).pagePath(reply.page()).thumbMediaId(reply.thumbMediaId()).toUser(openId).build()
                : WxMaKefuMessage.newTextBuilder().content(reply.text()).toUser(openId).build();
        try {
            miniProgram.service().getMsgService().sendKefuMsg(message);
            return new Sent(true, "SENT");
        } catch (WxErrorException e) {
            return new Sent(false, "WECHAT_" + (e.getError() == null ? -1 : e.getError().getErrorCode()));
        } catch (RuntimeException e) {
            return new Sent(false, "UNAVAILABLE");
        }
    }
}
