package com.siyu.common.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code siyu.crypto.active-key} and {@code siyu.crypto.keys.<id>} (Base64 of 32 bytes), from the environment. */
@ConfigurationProperties("siyu.crypto")
public class CryptoSettings {

    private String activeKey;
    private Map<String, String> keys = new LinkedHashMap<>();

    public String getActiveKey() {
        return activeKey;
    }

    public void setActiveKey(String activeKey) {
        this.activeKey = activeKey;
    }

    public Map<String, String> getKeys() {
        return keys;
    }

    public void setKeys(Map<String, String> keys) {
        this.keys = keys;
    }
}
