package com.siyu.guide.wecom.domain;

/**
 * A tenant's WeCom corp as guide-service uses it: the customer-contact (客户联系) secret for WeCom's API, the
 * callback token and EncodingAESKey that sign and encrypt WeCom's callbacks, and the default welcome message
 * ({@code {guide}} is replaced by the guide's name). The three secrets are sealed at rest.
 */
public record WecomCorp(String corpId, Integer agentId, String contactSecret, String callbackToken, String aesKey, String welcomeText) {

    /** Never the secrets (a record would print them). */
    @Override
    public String toString() {
        return "WecomCorp[corpId=" + corpId + ", agentId=" + agentId + "]";
    }

    public String welcomeFor(String guideName, String codeText) {
        String text = codeText == null || codeText.isBlank() ? welcomeText : codeText;
        return text.replace("{guide}", guideName == null ? "" : guideName);
    }
}
