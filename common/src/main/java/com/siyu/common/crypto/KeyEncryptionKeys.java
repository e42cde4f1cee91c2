package com.siyu.common.crypto;

/**
 * The master keys that wrap each secret's own data key (KMS-shaped: a cloud KMS's encrypt/decrypt of a
 * data key fits here). The active key wraps new data keys; older keys stay available to unwrap what
 * they wrapped, so a rotation never makes stored secrets unreadable.
 */
public interface KeyEncryptionKeys {

    String activeKeyId();

    byte[] wrap(String keyId, byte[] dataKey);

    byte[] unwrap(String keyId, byte[] wrappedDataKey);
}
