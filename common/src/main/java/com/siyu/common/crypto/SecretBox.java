package com.siyu.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of secrets at rest (mini-program AppSecrets, signing keys): each value gets its
 * own random AES-256 data key, which encrypts it (GCM); the data key is wrapped by the active master
 * key. Stored as {@code enc:v1:<master key id>:<wrapped data key>:<iv + ciphertext>} (Base64 parts).
 * Values written before encryption existed (no {@code enc:} prefix) are read as they are and sealed
 * on their next write.
 */
public class SecretBox {

    static final String PREFIX = "enc:v1:";
    private static final int IV = 12;

    private final KeyEncryptionKeys keys;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(KeyEncryptionKeys keys) {
        this.keys = keys;
    }

    public String seal(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        byte[] iv = new byte[IV];
        random.nextBytes(iv);
        String keyId = keys.activeKeyId();
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, dataKey, iv, plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] body = new byte[IV + sealed.length];
        System.arraycopy(iv, 0, body, 0, IV);
        System.arraycopy(sealed, 0, body, IV, sealed.length);
        Base64.Encoder b64 = Base64.getEncoder();
        String out = PREFIX + keyId + ":" + b64.encodeToString(keys.wrap(keyId, dataKey)) + ":" + b64.encodeToString(body);
        Arrays.fill(dataKey, (byte) 0);
        return out;
    }

    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        String[] parts = stored.substring(PREFIX.length()).split(":", 3);
        if (parts.length != 3) {
            throw new IllegalStateException("A stored secret is malformed");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] dataKey = keys.unwrap(parts[0], b64.decode(parts[1]));
        byte[] body = b64.decode(parts[2]);
        byte[] plain = gcm(Cipher.DECRYPT_MODE, dataKey, Arrays.copyOfRange(body, 0, IV), Arrays.copyOfRange(body, IV, body.length));
        Arrays.fill(dataKey, (byte) 0);
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** Whether a stored value is sealed (as opposed to plaintext written before encryption existed). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static byte[] gcm(int mode, byte[] key, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A secret cannot be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"), e);
        }
    }
}
