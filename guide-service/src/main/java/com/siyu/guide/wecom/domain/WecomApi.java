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
}
