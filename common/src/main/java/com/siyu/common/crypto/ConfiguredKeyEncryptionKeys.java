package com.siyu.common.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Master keys from the environment ({@code siyu.crypto.keys.<id>}: 32 bytes, Base64; the active one
 * named by {@code siyu.crypto.active-key}). Wrapping is AES-256-GCM with the key id as associated data.
 */
public class ConfiguredKeyEncryptionKeys implements KeyEncryptionKeys {

    private static final int IV = 12;
    private static final int TAG_BITS = 128;

    private final String active;
    private final Map<String, SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    public ConfiguredKeyEncryptionKeys(String active, Map<String, String> base64Keys) {
        if (active == null || active.isBlank()) {
            throw new IllegalStateException("siyu.crypto.active-key is not set: secrets cannot be stored encrypted");
        }
        this.keys = base64Keys.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> key(e.getKey(), e.getValue())));
        if (!keys.containsKey(active)) {
            throw new IllegalStateException("siyu.crypto.keys." + active + " (the active key) is not set");
        }
        this.active = active;
    }

    private static SecretKeySpec key(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("siyu.crypto.keys." + id + " is not Base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("siyu.crypto.keys." + id + " must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    @Override
    public String activeKeyId() {
        return active;
    }

    @Override
    public byte[] wrap(String keyId, byte[] dataKey) {
        byte[] iv = new byte[IV];
        random.nextBytes(iv);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, keyId, iv, dataKey);
        byte[] out = new byte[IV + sealed.length];
        System.arraycopy(iv, 0, out, 0, IV);
        System.arraycopy(sealed, 0, out, IV, sealed.length);
        return out;
    }

    @Override
    public byte[] unwrap(String keyId, byte[] wrapped) {
        byte[] iv = java.util.Arrays.copyOfRange(wrapped, 0, IV);
        return gcm(Cipher.DECRYPT_MODE, keyId, iv, java.util.Arrays.copyOfRange(wrapped, IV, wrapped.length));
    }

    private byte[] gcm(int mode, String keyId, byte[] iv, byte[] input) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("The master key '" + keyId + "' is not configured (siyu.crypto.keys." + keyId + ")");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(keyId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key " + keyId + " cannot " + (mode == Cipher.ENCRYPT_MODE ? "wrap" : "unwrap") + " the data key", e);
        }
    }
}
