package com.siyu.guide.wecom.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WeCom as guide-service talks to it (infra: WxJava's cp module). Calls WeCom refuses throw {@link WecomRejected}
 * with WeCom's errcode; WeCom unreachable throws {@link WecomUnavailable}.
 */
public interface WecomApi {

    /** Checks the callback's msg_signature with the corp's token and decrypts it; {@link WecomSignatureInvalid} otherwise. */
    WecomCallback open(WecomCorp corp, String signature, String timestamp, String nonce, String body);

    /** The URL verification WeCom does when the callback URL is saved: the decrypted echostr. */
    String echo(WecomCorp corp, String signature, String timestamp, String nonce, String echostr);

    /** The contact's unionid (present when the corp is bound to the tenant's WeChat open platform). */
    Optional<String> unionIdOf(WecomCorp corp, String externalUserId);

    void sendWelcome(WecomCorp corp, String welcomeCode, String text);

    /** A multi-guide QR contact code (联系我) whose adds come back with {@code state}. */
    ContactWay addContactWay(WecomCorp corp, String state, List<String> userIds, String remark);

    record ContactWay(String configId, String qrCode) {
    }

    enum TransferMode { ONJOB, RESIGNED }

    /** Submits up to 100 customers from one member to another: external userid → WeCom's errcode for that customer (0 accepted). */
    Map<String, Integer> transfer(WecomCorp corp, TransferMode mode, String fromUserId, String toUserId, List<String> externalUserIds,
                                  String message);

    enum TransferState { COMPLETE, WAITING, REFUSED, LIMIT, NORECORD }

    /** Every customer's state in transfers from one member to another (all pages). */
    Map<String, TransferState> transferResults(WecomCorp corp, TransferMode mode, String fromUserId, String toUserId);

    /** The chat ids of the customer groups these corp members own (at most 100 owners a call; every page). */
    List<String> groupChats(WecomCorp corp, List<String> ownerUserIds);

    /** A customer group with its members; empty when WeCom has no such group (dismissed, or not this corp's). */
    Optional<GroupChat> groupChat(WecomCorp corp, String chatId);

    record GroupChat(String chatId, String name, String ownerUserId, java.time.Instant createdAt, List<GroupMember> members) {
    }

    /** {@code key}: the corp member's userid or the shopper's external userid. */
    record GroupMember(String key, boolean external, String unionId, java.time.Instant joinedAt, int joinScene) {
    }

    /** A group QR code (加入群聊) over up to 5 groups that opens a new group named {@code roomBaseName}N when they are full. */
    ContactWay addGroupJoinWay(WecomCorp corp, String state, List<String> chatIds, String roomBaseName, int roomBaseId, String remark);

    /**
     * A mass-send task (群发助手, add_msg_template) from the corp member to one customer, which the member confirms in
     * WeCom: its msgid; {@link WecomRejected} when WeCom refuses it or lists the customer as failed.
     */
    String addMsgTemplate(WecomCorp corp, String senderUserId, String externalUserId, String text);

    /**
     * A group message task (群发助手, add_msg_template with chat_type group) from the corp member to their customer
     * groups, which the member confirms in WeCom: its msgid and WeCom's fail_list.
     */
    GroupMsgCreated addGroupMsgTemplate(WecomCorp corp, String senderUserId, WecomContent content);

    record GroupMsgCreated(String msgId, List<String> failList) {
    }

    /** get_groupmsg_task, every page: each sender's status (0 not sent yet, 2 sent) and when they sent it. */
    List<GroupMsgTask> groupMsgTasks(WecomCorp corp, String msgId);

    record GroupMsgTask(String userId, int status, java.time.Instant sentAt) {
    }

    /** get_groupmsg_send_result of one sender, every page: each group's status (0 not sent, 1 sent, 2 and 3 failed). */
    List<GroupMsgSend> groupMsgSends(WecomCorp corp, String msgId, String userId);

    record GroupMsgSend(String chatId, int status) {
    }

    /** A moment task (add_moment_task) visible to these corp members (sender_list.user_list): WeCom's jobid. */
    String addMomentTask(WecomCorp corp, List<String> userIds, WecomContent content);

    /** get_moment_task_result: status 1 started, 2 creating, 3 done (then the result's errcode and moment id). */
    MomentJob momentTaskResult(WecomCorp corp, String jobId);

    record MomentJob(int status, Integer errcode, String errmsg, String momentId, List<String> invalidSenders) {
        public boolean done() {
            return status == 3;
        }
    }

    /** get_moment_task, every page: each corp member's publish_status (0 not published, 1 published). */
    Map<String, Integer> momentPublishStatuses(WecomCorp corp, String momentId);
}
