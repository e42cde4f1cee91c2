package com.siyu.payment.merchant.domain;

import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Checks that a PEM text is an RSA key of the expected kind, so a bad key is refused when configured, not at the first payment. */
final class Pem {

    private Pem() {
    }

    static void rsaKey(String pem, String type, String field) {
        if (pem == null || !pem.contains("-----BEGIN " + type + "-----")) {
            throw new IllegalArgumentException(field + " must be a PEM \"" + type + "\"");
        }
        try {
            String body = pem.substring(pem.indexOf("-----BEGIN " + type + "-----") + type.length() + 16, pem.indexOf("-----END " + type + "-----"));
            byte[] der = Base64.getMimeDecoder().decode(body);
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (type.equals("PRIVATE KEY")) {
                rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            } else {
                rsa.generatePublic(new X509EncodedKeySpec(der));
            }
        } catch (RuntimeException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException(field + " is not a readable RSA " + type.toLowerCase());
        }
    }
}
