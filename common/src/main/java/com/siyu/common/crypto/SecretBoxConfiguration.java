package com.siyu.common.crypto;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** A {@link SecretBox} for services that store secrets; they set {@code siyu.crypto.active-key}. */
@AutoConfiguration
@ConditionalOnProperty(prefix = "siyu.crypto", name = "active-key")
@EnableConfigurationProperties(CryptoSettings.class)
public class SecretBoxConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KeyEncryptionKeys keyEncryptionKeys(CryptoSettings settings) {
        return new ConfiguredKeyEncryptionKeys(settings.getActiveKey(), settings.getKeys());
    }

    @Bean
    @ConditionalOnMissingBean
    SecretBox secretBox(KeyEncryptionKeys keys) {
        return new SecretBox(keys);
    }
}
