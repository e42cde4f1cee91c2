package com.siyu.member.identity.infra;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import com.siyu.member.identity.domain.MiniApp;
import com.siyu.member.identity.domain.WeChatMiniProgram;
import com.siyu.member.identity.domain.WeChatRejected;
import com.siyu.member.identity.domain.WeChatSession;
import com.siyu.member.identity.domain.WeChatUnavailable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import me.chanjar.weixin.common.error.WxErrorException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * WeChat through WxJava's mini-program client, one configured service per app. The API host is a
 * setting: api.weixin.qq.com in production, a WireMock stub of WeChat in tests, the sandbox locally.
 */
@Component
class WxJavaMiniProgram implements WeChatMiniProgram {

    private final String apiHost;
    private final Map<String, WxMaService> services = new ConcurrentHashMap<>();

    WxJavaMiniProgram(@Value("${siyu.wechat.api-host:https://api.weixin.qq.com}") String apiHost) {
        this.apiHost = apiHost;
    }

    @Override
    public WeChatSession exchange(MiniApp app, String code) {
        try {
            // WxJava puts the code into the URL as it is: encode it (the API already refuses anything but WeChat's alphabet)
            WxMaJscode2SessionResult session = service(app).getUserService()
                    .getSessionInfo(java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8));
            if (session.getOpenid() == null || session.getSessionKey() == null) {
                throw new WeChatUnavailable("WeChat answered code2session without an openid");
            }
            return new WeChatSession(session.getOpenid(), session.getUnionid(), session.getSessionKey());
        } catch (WxErrorException e) {
            throw translate(e, "WECHAT_CODE_INVALID", "The wx.login code is invalid, expired or already used; call wx.login again");
        } catch (me.chanjar.weixin.common.error.WxRuntimeException e) {
            // WeChat unreachable or answering garbage (HTTP 5xx, retries exhausted): ours to report as unavailable.
            // Only the exception type goes to the log: WxJava's messages may quote the request URL, which carries the AppSecret.
            throw new WeChatUnavailable("WeChat could not be reached for the login (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String decryptPhone(MiniApp app, String sessionKey, String encryptedData, String iv) {
        try {
            WxMaPhoneNumberInfo info = service(app).getUserService().getPhoneNoInfo(sessionKey, encryptedData, iv);
            if (info == null || info.getPurePhoneNumber() == null) {
                throw new WeChatRejected("WECHAT_PHONE_PAYLOAD_INVALID", "The phone payload holds no phone number", 0);
            }
            return info.getPurePhoneNumber();
        } catch (RuntimeException e) {
            if (e instanceof WeChatRejected rejected) {
                throw rejected;
            }
            throw new WeChatRejected("WECHAT_PHONE_PAYLOAD_INVALID",
                    "The phone payload cannot be decrypted with this session (log in again, then ask for the phone again)", 0);
        }
    }

    @Override
    public String phoneByCode(MiniApp app, String phoneCode) {
        try {
            WxMaPhoneNumberInfo info = service(app).getUserService().getPhoneNumber(phoneCode);
            if (info == null || info.getPurePhoneNumber() == null) {
                throw new WeChatRejected("WECHAT_PHONE_CODE_INVALID", "WeChat returned no phone number for this code", 0);
            }
            return info.getPurePhoneNumber();
        } catch (WxErrorException e) {
            throw translate(e, "WECHAT_PHONE_CODE_INVALID", "The phone code is invalid or expired; ask the shopper again");
        } catch (me.chanjar.weixin.common.error.WxRuntimeException e) {
            throw new WeChatUnavailable("WeChat could not be reached for the phone number (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String accessToken(MiniApp app) {
        try {
            return service(app).getAccessToken();
        } catch (WxErrorException e) {
            throw new WeChatUnavailable("WeChat refused the access token (" + (e.getError() == null ? -1 : e.getError().getErrorCode()) + ")");
        } catch (me.chanjar.weixin.common.error.WxRuntimeException e) {
            throw new WeChatUnavailable("WeChat could not be reached for the access token (" + e.getClass().getSimpleName() + ")");
        }
    }

    private RuntimeException translate(WxErrorException e, String code, String detail) {
        int errorCode = e.getError() == null ? -1 : e.getError().getErrorCode();
        // 40029 invalid code, 40163 code used, 45011 frequency limit, 40226 risky user: the client's to fix
        if (errorCode == 40029 || errorCode == 40163 || errorCode == 45011 || errorCode == 40226 || errorCode == 40013) {
            return new WeChatRejected(code, detail, errorCode);
        }
        return new WeChatUnavailable("WeChat failed (" + errorCode + "): " + (e.getError() == null ? e.getMessage() : e.getError().getErrorMsg()));
    }

    private WxMaService service(MiniApp app) {
        return services.compute(app.appId(), (appId, existing) -> {
            if (existing != null && app.secret().equals(existing.getWxMaConfig().getSecret())) {
                return existing;
            }
            WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
            config.setAppid(app.appId());
            config.setSecret(app.secret());
            config.setApiHostUrl(apiHost);
            config.setAccessTokenUrl(null);
            WxMaService service = new WxMaServiceImpl();
            service.setWxMaConfig(config);
            // WxJava retries "system busy" (-1) five times with doubling sleeps (31 s): a shopper waiting on the
            // login would give up long before; two quick retries, then the login says WeChat is unavailable
            service.setMaxRetryTimes(2);
            service.setRetrySleepMillis(200);
            return service;
        });
    }
}
