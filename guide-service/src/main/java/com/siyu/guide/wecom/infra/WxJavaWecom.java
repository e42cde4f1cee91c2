package com.siyu.guide.wecom.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.guide.wecom.domain.WecomApi;
import com.siyu.guide.wecom.domain.WecomCallback;
import com.siyu.guide.wecom.domain.WecomCorp;
import com.siyu.guide.wecom.domain.WecomOutcomeUnknown;
import com.siyu.guide.wecom.domain.WecomRejected;
import com.siyu.guide.wecom.domain.WecomSignatureInvalid;
import com.siyu.guide.wecom.domain.WecomUnavailable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.cp.api.WxCpExternalContactService;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.external.WxCpContactWayInfo;
import me.chanjar.weixin.cp.bean.external.WxCpContactWayResult;
import me.chanjar.weixin.cp.bean.external.WxCpUserTransferCustomerReq;
import me.chanjar.weixin.cp.bean.external.WxCpUserTransferCustomerResp;
import me.chanjar.weixin.cp.bean.external.WxCpUserTransferResultResp;
import me.chanjar.weixin.cp.bean.external.WxCpWelcomeMsg;
import me.chanjar.weixin.cp.bean.external.contact.WxCpExternalContactInfo;
import me.chanjar.weixin.cp.bean.external.msg.Text;
import me.chanjar.weixin.cp.bean.message.WxCpXmlMessage;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.util.crypto.WxCpCryptUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * WeCom through WxJava's cp module: callbacks checked and decrypted by its WxCpCryptUtil, the external-contact API by
 * one WxCpService per tenant's corp (its access token cached in it). The API host is a setting: qyapi.weixin.qq.com
 * in production, the WeChat sandbox locally, a WireMock stub in tests. WxJava's own logging is off (its messages
 * quote URLs carrying the access token); failures are translated here without them.
 */
@Component
class WxJavaWecom implements WecomApi {

    private final String apiHost;
    private final Map<Long, WxCpService> services = new ConcurrentHashMap<>();

    WxJavaWecom(@Value("${siyu.wecom.api-host:https://qyapi.weixin.qq.com}") String apiHost) {
        this.apiHost = apiHost;
    }

    @Override
    public WecomCallback open(WecomCorp corp, String signature, String timestamp, String nonce, String body) {
        String plain;
        try {
            plain = new WxCpCryptUtil(config(corp)).decryptXml(signature, timestamp, nonce, body);
        } catch (RuntimeException e) {
            throw new WecomSignatureInvalid();
        }
        WxCpXmlMessage message;
        try {
            message = me.chanjar.weixin.cp.util.xml.XStreamTransformer.fromXml(WxCpXmlMessage.class, plain);
        } catch (RuntimeException e) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "WECOM_PAYLOAD_INVALID", "The decrypted callback is not a WeCom message");
        }
        return new WecomCallback(sha256(plain), message.getEvent() == null ? String.valueOf(message.getMsgType()) : message.getEvent(),
                message.getChangeType(), message.getUserId(), message.getExternalUserId(), message.getState(), message.getWelcomeCode(),
                message.getFailReason(), message.getChatId());
    }

    @Override
    public String echo(WecomCorp corp, String signature, String timestamp, String nonce, String echostr) {
        try {
            return new WxCpCryptUtil(config(corp)).decryptContent(signature, timestamp, nonce, echostr);
        } catch (RuntimeException e) {
            throw new WecomSignatureInvalid();
        }
    }

    @Override
    public Optional<String> unionIdOf(WecomCorp corp, String externalUserId) {
        WxCpExternalContactInfo info = call(() -> contacts(corp).getContactDetail(externalUserId, null));
        return Optional.ofNullable(info == null || info.getExternalContact() == null ? null : info.getExternalContact().getUnionId())
                .filter(id -> !id.isBlank());
    }

    @Override
    public void sendWelcome(WecomCorp corp, String welcomeCode, String text) {
        WxCpWelcomeMsg message = WxCpWelcomeMsg.builder().welcomeCode(welcomeCode).text(new Text().setContent(text)).build();
        call(() -> {
            contacts(corp).sendWelcomeMsg(message);
            return null;
        });
    }

    @Override
    public String addMsgTemplate(WecomCorp corp, String senderUserId, String externalUserId, String text) {
        me.chanjar.weixin.cp.bean.external.WxCpMsgTemplate template = new me.chanjar.weixin.cp.bean.external.WxCpMsgTemplate();
        template.setChatType("single");
        template.setSender(senderUserId);
        template.setExternalUserid(List.of(externalUserId));
        template.setText(new Text().setContent(text));
        me.chanjar.weixin.cp.bean.external.WxCpMsgTemplateAddResult result = call(() -> contacts(corp).addMsgTemplate(template));
        if (result.getFailList() != null && !result.getFailList().isEmpty()) {
            // WeCom took the call but not this customer (no longer the sender's, or over their limit)
            throw new WecomRejected(-2, "customer " + externalUserId + " is on the task's fail list");
        }
        return result.getMsgId();
    }

    @Override
    public ContactWay addContactWay(WecomCorp corp, String state, List<String> userIds, String remark) {
        WxCpContactWayInfo.ContactWay way = new WxCpContactWayInfo.ContactWay();
        way.setType(userIds.size() == 1 ? WxCpContactWayInfo.TYPE.SINGLE : WxCpContactWayInfo.TYPE.MULTI);
        way.setScene(WxCpContactWayInfo.SCENE.QRCODE);
        way.setState(state);
        way.setUsers(userIds);
        way.setRemark(Columns.clip(remark, 30));
        way.setSkipVerify(true);
        WxCpContactWayInfo info = new WxCpContactWayInfo();
        info.setContactWay(way);
        WxCpContactWayResult result = call(() -> contacts(corp).addContactWay(info));
        return new ContactWay(result.getConfigId(), result.getQrCode());
    }

    @Override
    public Map<String, Integer> transfer(WecomCorp corp, TransferMode mode, String fromUserId, String toUserId, List<String> externalUserIds,
                                         String message) {
        WxCpUserTransferCustomerReq request = new WxCpUserTransferCustomerReq();
        request.setHandOverUserid(fromUserId);
        request.setTakeOverUserid(toUserId);
        request.setExternalUserid(externalUserIds);
        if (mode == TransferMode.ONJOB) {
            request.setTransferMsg(message);
        }
        WxCpUserTransferCustomerResp response = call(() -> mode == TransferMode.ONJOB
                ? contacts(corp).transferCustomer(request) : contacts(corp).resignedTransferCustomer(request));
        Map<String, Integer> answers = new HashMap<>();
        if (response.getCustomer() != null) {
            response.getCustomer().forEach(c -> answers.put(c.getExternalUserid(), c.getErrcode() == null ? 0 : c.getErrcode()));
        }
        return answers;
    }

    @Override
    public Map<String, TransferState> transferResults(WecomCorp corp, TransferMode mode, String fromUserId, String toUserId) {
        Map<String, TransferState> states = new HashMap<>();
        String cursor = null;
        for (int page = 0; page < 1_000; page++) {
            String at = cursor;
            WxCpUserTransferResultResp response = call(() -> mode == TransferMode.ONJOB
                    ? contacts(corp).transferResult(fromUserId, toUserId, at) : contacts(corp).resignedTransferResult(fromUserId, toUserId, at));
            if (response.getCustomer() != null) {
                response.getCustomer().stream().filter(c -> c.getStatus() != null)
                        .forEach(c -> states.put(c.getExternalUserid(), TransferState.valueOf(c.getStatus().name())));
            }
            cursor = response.getNextCursor();
            if (cursor == null || cursor.isBlank()) {
                break;
            }
        }
        return states;
    }

    @Override
    public List<String> groupChats(WecomCorp corp, List<String> ownerUserIds) {
        List<String> chats = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10_000; page++) {
            String at = cursor;
            me.chanjar.weixin.cp.bean.external.WxCpUserExternalGroupChatList list = call(() -> contacts(corp).listGroupChat(1000, at, 0,
                    ownerUserIds.toArray(String[]::new)));
            if (list.getGroupChatList() != null) {
                list.getGroupChatList().forEach(c -> chats.add(c.getChatId()));
            }
            cursor = list.getNextCursor();
            if (cursor == null || cursor.isBlank()) {
                break;
            }
        }
        return chats;
    }

    @Override
    public Optional<GroupChat> groupChat(WecomCorp corp, String chatId) {
        me.chanjar.weixin.cp.bean.external.WxCpUserExternalGroupChatInfo info;
        try {
            info = call(() -> contacts(corp).getGroupChat(chatId, 1));
        } catch (WecomRejected e) {
            // 701008: no such group chat (or not this corp's customer group)
            if (e.errcode() == 701008 || e.errcode() == 40050) {
                return Optional.empty();
            }
            throw e;
        }
        me.chanjar.weixin.cp.bean.external.WxCpUserExternalGroupChatInfo.GroupChat chat = info.getGroupChat();
        if (chat == null) {
            return Optional.empty();
        }
        List<GroupMember> members = chat.getMemberList() == null ? List.of() : chat.getMemberList().stream()
                .map(m -> new GroupMember(m.getUserId(), m.getType() == 2, m.getUnionId(),
                        m.getJoinTime() == null ? null : java.time.Instant.ofEpochSecond(m.getJoinTime()), m.getJoinScene()))
                .toList();
        return Optional.of(new GroupChat(chat.getChatId(), chat.getName(), chat.getOwner(),
                chat.getCreateTime() == null ? null : java.time.Instant.ofEpochSecond(chat.getCreateTime()), members));
    }

    @Override
    public ContactWay addGroupJoinWay(WecomCorp corp, String state, List<String> chatIds, String roomBaseName, int roomBaseId, String remark) {
        me.chanjar.weixin.cp.bean.external.WxCpGroupJoinWayInfo.JoinWay way = new me.chanjar.weixin.cp.bean.external.WxCpGroupJoinWayInfo.JoinWay();
        way.setScene(2);
        way.setRemark(Columns.clip(remark, 30));
        way.setAutoCreateRoom(1);
        way.setRoomBaseName(roomBaseName);
        way.setRoomBaseId(roomBaseId);
        way.setChatIdList(chatIds);
        way.setState(state);
        me.chanjar.weixin.cp.bean.external.WxCpGroupJoinWayInfo info = new me.chanjar.weixin.cp.bean.external.WxCpGroupJoinWayInfo();
        info.setJoinWay(way);
        String configId = call(() -> contacts(corp).addJoinWay(info)).getConfigId();
        // add_join_way answers the config id only; the QR code is read back
        me.chanjar.weixin.cp.bean.external.WxCpGroupJoinWayInfo created = call(() -> contacts(corp).getJoinWay(configId));
        return new ContactWay(configId, created.getJoinWay() == null ? null : created.getJoinWay().getQrCode());
    }

    @Override
    public GroupMsgCreated addGroupMsgTemplate(WecomCorp corp, String senderUserId, com.siyu.guide.wecom.domain.WecomContent content) {
        WxCpService service = service(corp);
        token(service);
        String answer = create(() -> service.post(service.getWxCpConfigStorage().getApiUrl("/cgi-bin/externalcontact/add_msg_template"),
                WecomPayloads.groupMsgTemplate(senderUserId, content)));
        return WecomPayloads.groupMsgCreated(answer);
    }

    @Override
    public List<GroupMsgTask> groupMsgTasks(WecomCorp corp, String msgId) {
        WxCpService service = service(corp);
        List<GroupMsgTask> tasks = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 1_000; page++) {
            String body = WecomPayloads.groupMsgTaskPage(msgId, cursor);
            WecomPayloads.Page<GroupMsgTask> read = WecomPayloads.groupMsgTasks(call(() -> service.post(
                    service.getWxCpConfigStorage().getApiUrl("/cgi-bin/externalcontact/get_groupmsg_task"), body)));
            tasks.addAll(read.items());
            cursor = read.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        return tasks;
    }

    @Override
    public List<GroupMsgSend> groupMsgSends(WecomCorp corp, String msgId, String userId) {
        WxCpService service = service(corp);
        List<GroupMsgSend> sends = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 1_000; page++) {
            String body = WecomPayloads.groupMsgSendPage(msgId, userId, cursor);
            WecomPayloads.Page<GroupMsgSend> read = WecomPayloads.groupMsgSends(call(() -> service.post(
                    service.getWxCpConfigStorage().getApiUrl("/cgi-bin/externalcontact/get_groupmsg_send_result"), body)));
            sends.addAll(read.items());
            cursor = read.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        return sends;
    }

    @Override
    public String addMomentTask(WecomCorp corp, List<String> userIds, com.siyu.guide.wecom.domain.WecomContent content) {
        WxCpService service = service(corp);
        token(service);
        return WecomPayloads.jobId(create(() -> service.post(service.getWxCpConfigStorage().getApiUrl("/cgi-bin/externalcontact/add_moment_task"),
                WecomPayloads.momentTask(userIds, content))));
    }

    @Override
    public MomentJob momentTaskResult(WecomCorp corp, String jobId) {
        WxCpService service = service(corp);
        return WecomPayloads.momentJob(call(() -> service.get(service.getWxCpConfigStorage().getApiUrl("/cgi-bin/externalcontact/get_moment_task_result"),
                "jobid=" + java.net.URLEncoder.encode(jobId, StandardCharsets.UTF_8))));
    }

    @Override
    public Map<String, Integer> momentPublishStatuses(WecomCorp corp, String momentId) {
        WxCpService service = service(corp);
        List<Map.Entry<String, Integer>> all = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 1_000; page++) {
            String body = WecomPayloads.momentTaskPage(momentId, cursor);
            WecomPayloads.Page<Map.Entry<String, Integer>> read = WecomPayloads.momentTasks(call(() -> service.post(
                    service.getWxCpConfigStorage().getApiUrl("/cgi-bin/externalcontact/get_moment_task"), body)));
            all.addAll(read.items());
            cursor = read.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        return WecomPayloads.merge(all);
    }

    /** The access token fetched before a task is created: failing here, nothing was sent. */
    private static void token(WxCpService service) {
        call(() -> service.getAccessToken(false));
    }

    /**
     * A call that creates something at WeCom: as {@link #call}, but a connection lost after the request went out is
     * {@link WecomOutcomeUnknown} (WeCom may have made it), and WxJava giving up on a busy WeCom is errcode -1.
     */
    private static <T> T create(WecomCall<T> call) {
        try {
            return call.run();
        } catch (WxErrorException e) {
            int errcode = e.getError() == null ? -1 : e.getError().getErrorCode();
            throw new WecomRejected(errcode, e.getError() == null ? "no error body" : e.getError().getErrorMsg());
        } catch (WxRuntimeException e) {
            throw WecomFailure.ofCreate(e);
        }
    }

    interface WecomCall<T> {
        T run() throws WxErrorException;
    }

    private static <T> T call(WecomCall<T> call) {
        try {
            return call.run();
        } catch (WxErrorException e) {
            int errcode = e.getError() == null ? -1 : e.getError().getErrorCode();
            throw new WecomRejected(errcode, e.getError() == null ? "no error body" : e.getError().getErrorMsg());
        } catch (WxRuntimeException e) {
            throw new WecomUnavailable("WeCom could not be reached (" + e.getClass().getSimpleName() + ")");
        }
    }

    private WxCpExternalContactService contacts(WecomCorp corp) {
        return service(corp).getExternalContactService();
    }

    private WxCpService service(WecomCorp corp) {
        long tenant = CallerContext.requireTenant();
        return services.compute(tenant, (id, existing) -> {
            if (existing != null && existing.getWxCpConfigStorage().getCorpId().equals(corp.corpId())
                    && existing.getWxCpConfigStorage().getCorpSecret().equals(corp.contactSecret())) {
                return existing;
            }
            WxCpServiceImpl created = new WxCpServiceImpl();
            created.setWxCpConfigStorage(config(corp));
            // WxJava retries "system busy" five times with doubling sleeps: two quick retries, then the caller decides
            created.setMaxRetryTimes(2);
            created.setRetrySleepMillis(200);
            return created;
        });
    }

    private WxCpDefaultConfigImpl config(WecomCorp corp) {
        WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
        config.setCorpId(corp.corpId());
        config.setCorpSecret(corp.contactSecret());
        config.setToken(corp.callbackToken());
        config.setAesKey(corp.aesKey());
        config.setAgentId(corp.agentId());
        config.setBaseApiUrl(apiHost);
        return config;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
