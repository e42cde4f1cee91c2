package com.siyu.member.identity.domain;

/** What WeChat answers for a wx.login code: the openid in this app, the unionid (if bound) and the session key. */
public record WeChatSession(String openId, String unionId, String sessionKey) {
}
