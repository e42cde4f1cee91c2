package com.siyu.guide.wecom.domain;

/**
 * One callback from WeCom after its signature was checked and its body decrypted: {@code digest} (SHA-256 of the
 * decrypted XML) tells a redelivery from a new event; the rest are WeCom's fields ({@code userId} the corp member,
 * {@code state} the contact code's, {@code failReason} of a transfer_fail).
 */
public record WecomCallback(String digest, String event, String changeType, String userId, String externalUserId, String state,
                            String welcomeCode, String failReason, String chatId) {
}
