package com.siyu.touchpoint.messaging.infra;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import cn.binarywang.wx.miniapp.constant.WxMaApiUrlConstants;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.context.CallerContext;
import com.siyu.touchpoint.client.MemberWeChatClient;
import com.siyu.touchpoint.messaging.domain.MiniProgramChannel;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Subscription messages through WxJava's mini-program client, one per tenant, against WeChat's API host (a WireMock
 * stub in tests, the sandbox locally). The access token is never fetched here: member-service holds it for the whole
 * suite (WeChat invalidates a token when another holder asks for a new one) and it is kept a few minutes.
 */
@Component
class WxJavaMiniProgramChannel implements MiniProgramChannel {

    private static final Duration TOKEN_KEPT = Duration.ofMinutes(5);
    /** WeChat's "busy" and "token invalid / expired": it did not take the message, safe to try again. */
    private static final Set<Integer> RETRYABLE = Set.of(-1, 40001, 42001, 45009);

    private final MemberWeChatClient members;
    private final ObjectMapper json;
    private final String apiHost;
    private final Map<Long, TenantService> services = new ConcurrentHashMap<>();

    WxJavaMiniProgramChannel(MemberWeChatClient members, ObjectMapper json,
                             @Value("${siyu.wechat.api-host:https://api.weixin.qq.com}") String apiHost) {
        this.members = members;
        this.json = json;
        this.apiHost = apiHost;
    }

    @Override
    public Map<Long, String> openIds(Collection<Long> memberIds) {
        Map<Long, String> found = new LinkedHashMap<>();
        List<Long> ids = List.copyOf(memberIds);
        // member-service answers at most 500 ids a call
        for (int from = 0; from < ids.size(); from += 500) {
            members.openIds(new MemberWeChatClient.OpenIdsQuery(ids.subList(from, Math.min(ids.size(), from + 500))))
                    .forEach(o -> found.put(o.memberId(), o.openId()));
        }
        return found;
    }

    @Override
    public Result send(String openId, String templateId, String page, Map<String, String> data) {
        WxMaSubscribeMessage message = new WxMaSubscribeMessage();
        message.setToUser(openId);
        message.setTemplateId(templateId);
        message.setPage(page);
        data.forEach((name, value) -> message.addData(new WxMaSubscribeMessage.MsgData(name, value)));
        try {
            String answer = service().post(WxMaApiUrlConstants.Msg.SUBSCRIBE_MSG_SEND_URL, message.toJson());
            JsonNode parsed = json.readTree(answer);
            return new Result(Outcome.SENT, parsed.path("msgid").asText(null), 0, answer);
        } catch (WxErrorException e) {
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            String answer = e.getError() == null ? null : e.getError().getJson();
            return new Result(RETRYABLE.contains(code) ? Outcome.UNAVAILABLE : Outcome.REJECTED, null, code, answer);
        } catch (WxRuntimeException e) {
            // the request never reached WeChat (refused, no route): safe to try again; otherwise it may have been delivered
            return new Result(neverSent(e) ? Outcome.UNAVAILABLE : Outcome.UNKNOWN, null, -1, e.getClass().getSimpleName());
        } catch (java.io.IOException e) {
            return new Result(Outcome.UNKNOWN, null, -1, "unreadable answer");
        }
    }

    private static boolean neverSent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof org.apache.http.conn.ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The tenant's client (customer-service replies go through it too). */
    WxMaService service() {
        return tenantService().wx;
    }

    /** The tenant's mini-program app id, as member-service names it with the token. */
    String appId() {
        TenantService service = tenantService();
        service.tokenOf(false);
        return service.config.getAppid();
    }

    private TenantService tenantService() {
        long tenant = CallerContext.requireTenant();
        return services.computeIfAbsent(tenant, t -> new TenantService(apiHost));
    }

    /** One tenant's client: its token comes from member-service, kept {@link #TOKEN_KEPT}, fetched again when WeChat refuses it. */
    private final class TenantService {

        private final WxMaService wx;
        private final WxMaDefaultConfigImpl config;

        TenantService(String apiHost) {
            this.config = new WxMaDefaultConfigImpl();
            config.setApiHostUrl(apiHost);
            WxMaServiceImpl service = new WxMaServiceImpl() {
                @Override
                public String getAccessToken(boolean forceRefresh) {
                    return tokenOf(forceRefresh);
                }
            };
            service.setWxMaConfig(config);
            // one quick retry of WeChat's "busy"; the dispatcher retries later with its own backoff
            service.setMaxRetryTimes(1);
            service.setRetrySleepMillis(200);
            this.wx = service;
        }

        /** WxJava expires the config's token when WeChat refuses it (40001, 42001), so the next call asks member-service again. */
        private synchronized String tokenOf(boolean forceRefresh) {
            if (forceRefresh || config.getAccessToken() == null || config.isAccessTokenExpired()) {
                MemberWeChatClient.Token fresh = members.accessToken();
                config.setAppid(fresh.appId());
                // WxJava keeps a token 200 s less than it is told
                config.updateAccessToken(fresh.accessToken(), (int) TOKEN_KEPT.toSeconds() + 200);
            }
            return config.getAccessToken();
        }
    }
}
