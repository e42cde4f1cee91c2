package com.siyu.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void aSealedSecretOpensAndNeverShowsThePlaintext() {
        SecretBox box = new SecretBox(new ConfiguredKeyEncryptionKeys("k1", Map.of("k1", K1)));
        String sealed = box.seal("miniapp-secret-123");
        assertThat(sealed).startsWith("enc:v1:k1:").doesNotContain("miniapp-secret-123");
        assertThat(box.open(sealed)).isEqualTo("miniapp-secret-123");
        assertThat(box.seal("miniapp-secret-123")).as("a fresh data key and IV each time").isNotEqualTo(sealed);
    }

    @Test
    void aRotationKeepsOldValuesReadableAndSealsNewOnesWithTheNewKey() {
        String old = new SecretBox(new ConfiguredKeyEncryptionKeys("k1", Map.of("k1", K1))).seal("s1");
        SecretBox rotated = new SecretBox(new ConfiguredKeyEncryptionKeys("k2", Map.of("k1", K1, "k2", K2)));
        assertThat(rotated.open(old)).isEqualTo("s1");
        assertThat(rotated.seal("s2")).startsWith("enc:v1:k2:");
        SecretBox withoutOldKey = new SecretBox(new ConfiguredKeyEncryptionKeys("k2", Map.of("k2", K2)));
        assertThatThrownBy(() -> withoutOldKey.open(old)).hasMessageContaining("'k1' is not configured");
    }

    @Test
    void plaintextWrittenBeforeEncryptionIsReadAsItIsAndTamperingIsDetected() {
        SecretBox box = new SecretBox(new ConfiguredKeyEncryptionKeys("k1", Map.of("k1", K1)));
        assertThat(box.open("legacy-plain")).isEqualTo("legacy-plain");
        assertThat(box.open(null)).isNull();
        String sealed = box.seal("s");
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ConfiguredKeyEncryptionKeys("k1", Map.of("k1", "c2hvcnQ="))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new ConfiguredKeyEncryptionKeys("k9", Map.of("k1", K1))).hasMessageContaining("active key");
    }
}
