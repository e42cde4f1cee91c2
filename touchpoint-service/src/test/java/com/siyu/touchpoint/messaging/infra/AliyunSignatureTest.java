package com.siyu.touchpoint.messaging.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AliyunSignatureTest {

    @Test
    void percentEncodingIsRfc3986AsAliyunWantsIt() {
        assertThat(AliyunSmsChannel.encode("a b*c~d+e/思")).isEqualTo("a%20b%2Ac~d%2Be%2F%E6%80%9D");
    }

    @Test
    void theSignatureCoversEveryParameterButItselfAndChangesWithAnyOfThem() {
        TreeMap<String, String> params = new TreeMap<>();
        params.put("AccessKeyId", "testid");
        params.put("Action", "SendSms");
        params.put("PhoneNumbers", "13800138000");
        params.put("Timestamp", "2026-12-03T10:00:00Z");
        String signature = AliyunSmsChannel.signature("POST", params, "testsecret");
        // HMAC-SHA1 is 20 bytes: 28 Base64 characters
        assertThat(signature).hasSize(28).endsWith("=");
        params.put("Signature", signature);
        assertThat(AliyunSmsChannel.signature("POST", params, "testsecret")).isEqualTo(signature);
        params.put("PhoneNumbers", "13800138001");
        assertThat(AliyunSmsChannel.signature("POST", params, "testsecret")).isNotEqualTo(signature);
        params.put("PhoneNumbers", "13800138000");
        assertThat(AliyunSmsChannel.signature("POST", params, "othersecret")).isNotEqualTo(signature);
        assertThat(AliyunSmsChannel.signature("GET", params, "testsecret")).isNotEqualTo(signature);
    }
}
