package com.siyu.touchpoint.messaging.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.touchpoint.client.MemberMpClient;
import com.siyu.touchpoint.messaging.domain.MessagingRepository;
import com.siyu.touchpoint.messaging.domain.MpAccount;
import com.siyu.touchpoint.messaging.domain.OfficialAccountChannel;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Official-account template messages through WxJava's mp module, one client per tenant and account, against WeChat's
 * API host (WireMock in tests, the sandbox locally). WxJava asks WeChat for the account's access token itself:
 * touchpoint-service is that token's one holder. The message opens the tenant's mini-program page (with its tracking
 * token); the send's id is the client_msg_id, so WeChat drops a repeat.
 */
@Component
class WxJavaOfficialAccountChannel implements OfficialAccountChannel {

    /** Busy, and the token invalid / expired: WeChat did not take it, safe to try again. */
    private static final Set<Integer> RETRYABLE = Set.of(-1, 40001, 42001, 45009);
    /** The member does not follow the account (43004), or the openid is not this account's (40003): not reachable this way. */
    private static final Set<Integer> NOT_FOLLOWING = Set.of(43004, 40003);

    private final MessagingRepository repository;
    private final MemberMpClient members;
    private final WxJavaMiniProgramChannel miniProgram;
    private final String apiHost;
    private final String fallbackUrl;
    private final Map<Long, WxMpService> services = new ConcurrentHashMap<>();

    WxJavaOfficialAccountChannel(MessagingRepository repository, MemberMpClient members, WxJavaMiniProgramChannel miniProgram,
                                 @Value("${siyu.wechat.api-host:https://api.weixin.qq.com}") String apiHost,
                                 @Value("${siyu.touchpoint.mp-service-link-fallback:https://mp.weixin.qq.com/}") String fallbackUrl) {
        this.repository = repository;
        this.members = members;
        this.miniProgram = miniProgram;
        this.apiHost = apiHost;
        this.fallbackUrl = fallbackUrl;
    }

    @Override
    public Map<Long, String> openIds(Collection<Long> memberIds) {
        Map<Long, String> found = new LinkedHashMap<>();
        Optional<MpAccount> account = repository.mpAccount();
        if (account.isEmpty()) {
            return found;
        }
        List<Long> ids = List.copyOf(memberIds);
        for (int from = 0; from < ids.size(); from += 500) {
            members.openIds(new MemberMpClient.Query(ids.subList(from, Math.min(ids.size(), from + 500)), account.get().appId()))
                    .forEach(o -> found.put(o.memberId(), o.openId()));
        }
        return found;
    }

    @Override
    public Result send(String openId, String templateId, String page, Map<String, String> data, String clientMsgId) {
        Optional<MpAccount> account = repository.mpAccount();
        if (account.isEmpty()) {
            return new Result(Outcome.NOT_CONFIGURED, null, 0, null);
        }
        WxMpTemplateMessage message = new WxMpTemplateMessage();
        message.setToUser(openId);
        message.setTemplateId(templateId);
        message.setClientMsgId(clientMsgId);
        if (page != null && !page.isBlank()) {
            message.setMiniProgram(new WxMpTemplateMessage.MiniProgram(miniProgram.appId(), page, false));
        }
        data.forEach((name, value) -> message.addData(new WxMpTemplateData(name, value)));
        try {
            String msgId = service(account.get()).getTemplateMsgService().sendTemplateMsg(message);
            return new Result(Outcome.SENT, msgId, 0, null);
        } catch (WxErrorException e) {
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            String answer = e.getError() == null ? null : e.getError().getJson();
            Outcome outcome = RETRYABLE.contains(code) ? Outcome.UNAVAILABLE : NOT_FOLLOWING.contains(code) ? Outcome.NOT_FOLLOWING : Outcome.REJECTED;
            return new Result(outcome, null, code, answer);
        } catch (WxRuntimeException e) {
            return new Result(neverSent(e) ? Outcome.UNAVAILABLE : Outcome.UNKNOWN, null, -1, e.getClass().getSimpleName());
        }
    }

    /** Past WeChat's 48 h window (45015), or its count of customer-service messages in it (45047). */
    private static final Set<Integer> OUTSIDE_WINDOW = Set.of(45015, 45047);

    @Override
    public Result sendService(String openId, String text, String linkText, String page) {
        Optional<MpAccount> account = repository.mpAccount();
        if (account.isEmpty()) {
            return new Result(Outcome.NOT_CONFIGURED, null, 0, null);
        }
        StringBuilder content = new StringBuilder(text == null ? "" : text);
        if (page != null) {
            // WeChat's mini-program link in a customer-service text; the href is for clients that cannot open mini-programs
            content.append("\n<a href=\"").append(fallbackUrl).append("\" data-miniprogram-appid=\"").append(miniProgram.appId())
                    .append("\" data-miniprogram-path=\"").append(escape(page)).append("\">")
                    .append(escape(linkText == null || linkText.isBlank() ? "查看详情" : linkText)).append("</a>");
        }
        try {
            service(account.get()).getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openId).content(content.toString()).build());
            return new Result(Outcome.SENT, null, 0, null);
        } catch (WxErrorException e) {
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            String answer = e.getError() == null ? null : e.getError().getJson();
            Outcome outcome = RETRYABLE.contains(code) ? Outcome.UNAVAILABLE : NOT_FOLLOWING.contains(code) ? Outcome.NOT_FOLLOWING
                    : OUTSIDE_WINDOW.contains(code) ? Outcome.OUTSIDE_WINDOW : Outcome.REJECTED;
            return new Result(outcome, null, code, answer);
        } catch (WxRuntimeException e) {
            return new Result(neverSent(e) ? Outcome.UNAVAILABLE : Outcome.UNKNOWN, null, -1, e.getClass().getSimpleName());
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
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

    /** The client of the tenant in context, when it has an official account. */
    Optional<WxMpService> service() {
        return repository.mpAccount().map(this::service);
    }

    /** The tenant's client, made again when its account changes. */
    private WxMpService service(MpAccount account) {
        long tenant = CallerContext.requireTenant();
        return services.compute(tenant, (id, existing) -> {
            if (existing != null && existing.getWxMpConfigStorage().getAppId().equals(account.appId())
                    && existing.getWxMpConfigStorage().getSecret().equals(account.appSecret())) {
                return existing;
            }
            WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
            config.setAppId(account.appId());
            config.setSecret(account.appSecret());
            WxMpHostConfig hosts = new WxMpHostConfig();
            hosts.setApiHost(apiHost);
            config.setHostConfig(hosts);
            WxMpServiceImpl service = new WxMpServiceImpl();
            service.setWxMpConfigStorage(config);
            service.setMaxRetryTimes(1);
            service.setRetrySleepMillis(200);
            return service;
        });
    }
}
