package com.siyu.payment.merchant.domain;

import java.time.Instant;

/**
 * Whose WeChat Pay merchant takes a tenant's cash. DIRECT: the mall's own merchant ({@code mchId}, its
 * keys in {@code credentials}), paying through the mall's own mini-program. PARTNER: WeChat Pay's
 * service-provider mode, the deployment's merchant as {@code sp_mchid} and the mall as its
 * sub-merchant {@code subMchId} (sub_appid = the mall's mini-program). A tenant without an account pays
 * through the deployment's own merchant (a single-mall deployment).
 */
public record MerchantAccount(long tenantId, Mode mode, String mchId, String subMchId, DirectCredentials credentials, Instant updatedAt) {

    public enum Mode { DIRECT, PARTNER }

    /** A direct merchant's v3 credentials, in "WeChat Pay public key" mode. */
    public record DirectCredentials(String apiV3Key, String merchantSerialNo, String privateKey, String platformPublicKey,
                                    String platformPublicKeyId) {

        public DirectCredentials {
            if (apiV3Key == null || apiV3Key.length() != 32) {
                throw new IllegalArgumentException("apiV3Key must be the merchant's 32-character APIv3 key");
            }
            if (merchantSerialNo == null || !merchantSerialNo.matches("[0-9A-Fa-f]{8,64}")) {
                throw new IllegalArgumentException("merchantSerialNo must be the merchant certificate's serial number (hex)");
            }
            if (platformPublicKeyId == null || !platformPublicKeyId.matches("PUB_KEY_ID_[0-9A-Za-z]{1,64}")) {
                throw new IllegalArgumentException("platformPublicKeyId must be WeChat Pay's PUB_KEY_ID_… of the platform public key");
            }
            Pem.rsaKey(privateKey, "PRIVATE KEY", "privateKey");
            Pem.rsaKey(platformPublicKey, "PUBLIC KEY", "platformPublicKey");
        }

        @Override
        public String toString() {
            return "DirectCredentials[merchantSerialNo=" + merchantSerialNo + ", platformPublicKeyId=" + platformPublicKeyId + ", secrets hidden]";
        }
    }

    public MerchantAccount {
        if (mode == Mode.PARTNER && (subMchId == null || credentials != null || mchId != null)) {
            throw new IllegalArgumentException("a PARTNER account names only its subMchId");
        }
        if (mode == Mode.DIRECT && (mchId == null || credentials == null || subMchId != null)) {
            throw new IllegalArgumentException("a DIRECT account needs its mchId and credentials");
        }
    }

    /** Who took a payment, as the channel records it: {@code PARTNER:<sub_mchid>} or {@code DIRECT:<mchid>}. */
    public String payee() {
        return mode == Mode.PARTNER ? PARTNER_PREFIX + subMchId : DIRECT_PREFIX + mchId;
    }

    public static final String PLATFORM = "PLATFORM";
    public static final String PARTNER_PREFIX = "PARTNER:";
    public static final String DIRECT_PREFIX = "DIRECT:";
}
