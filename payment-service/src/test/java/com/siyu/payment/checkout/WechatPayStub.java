package com.siyu.payment.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Behaves like WeChat Pay v3 at the HTTP level: answers signed with a platform private key generated
 * here (the service holds only its public key, as with a real "WeChat Pay public key"), notifications
 * encrypted with the APIv3 key (AEAD_AES_256_GCM) and signed the same way.
 */
final class WechatPayStub {

    static final String APP_ID = "wx0000000000000001";
    static final String MCH_ID = "1900000001";
    static final String API_V3_KEY = "0123456789abcdef0123456789abcdef";
    static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0119000000012024";
    static final String MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";

    final WireMockServer server;
    final KeyPair merchant = rsa();
    final KeyPair platform = rsa();
    final KeyPair impostor = rsa();

    WechatPayStub(WireMockServer server) {
        this.server = server;
    }

    String merchantPrivateKeyPem() {
        return pem("PRIVATE KEY", merchant.getPrivate().getEncoded());
    }

    String platformPublicKeyPem() {
        return pem("PUBLIC KEY", platform.getPublic().getEncoded());
    }

    /** A JSAPI prepay answered as WeChat Pay answers it, signed by the platform key. */
    void prepayAnswers(String prepayId) {
        server.stubFor(post(urlEqualTo("/v3/pay/transactions/jsapi")).willReturn(signed(200, "{\"prepay_id\":\"" + prepayId + "\"}")));
    }

    /** A service-provider JSAPI prepay (a sub-merchant's order), answered and signed like WeChat Pay. */
    void partnerPrepayAnswers(String prepayId) {
        server.stubFor(post(urlEqualTo("/v3/pay/partner/transactions/jsapi")).willReturn(signed(200, "{\"prepay_id\":\"" + prepayId + "\"}")));
    }

    /** A sub-merchant's TRANSACTION.SUCCESS, as WeChat Pay notifies the service provider. */
    Notification partnerNotification(String paymentNo, String transactionId, long totalFen, String subMchId, String subAppId) {
        String resource = "{\"sp_appid\":\"" + APP_ID + "\",\"sp_mchid\":\"" + MCH_ID + "\",\"sub_appid\":\"" + subAppId
                + "\",\"sub_mchid\":\"" + subMchId + "\",\"out_trade_no\":\"" + paymentNo + "\",\"transaction_id\":\"" + transactionId
                + "\",\"trade_type\":\"JSAPI\",\"trade_state\":\"SUCCESS\",\"trade_state_desc\":\"支付成功\",\"bank_type\":\"CMC\","
                + "\"success_time\":\"" + OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0) + "\",\"payer\":{\"sub_openid\":\"o-sub\"},"
                + "\"amount\":{\"total\":" + totalFen + ",\"payer_total\":" + totalFen + ",\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";
        return signedNotification("TRANSACTION.SUCCESS", "transaction", "支付成功", resource, platform.getPrivate());
    }

    ResponseDefinitionBuilder signed(int status, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Wechatpay-Serial", PUBLIC_KEY_ID)
                .withHeader("Wechatpay-TimeStamp", timestamp)
                .withHeader("Wechatpay-Nonce", nonce)
                .withHeader("Wechatpay-Signature", sign(platform.getPrivate(), timestamp + "\n" + nonce + "\n" + body + "\n"))
                .withBody(body);
    }

    /** A TRANSACTION.SUCCESS notification: body and signed headers, signed with {@code key}. */
    Notification notification(String paymentNo, String transactionId, long totalFen, String mchId, PrivateKey key) {
        String resource = "{\"mchid\":\"" + mchId + "\",\"appid\":\"" + APP_ID + "\",\"out_trade_no\":\"" + paymentNo
                + "\",\"transaction_id\":\"" + transactionId + "\",\"trade_type\":\"JSAPI\",\"trade_state\":\"SUCCESS\","
                + "\"trade_state_desc\":\"支付成功\",\"bank_type\":\"CMC\",\"success_time\":\""
                + OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0) + "\",\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},"
                + "\"amount\":{\"total\":" + totalFen + ",\"payer_total\":" + totalFen + ",\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";
        return signedNotification("TRANSACTION.SUCCESS", "transaction", "支付成功", resource, key);
    }

    /** A refund's result as WeChat Pay notifies it ({@code status}: SUCCESS, ABNORMAL or CLOSED). */
    Notification refundNotification(String paymentNo, String refundNo, String status, long refundFen, long totalFen, PrivateKey key) {
        String resource = "{\"mchid\":\"" + MCH_ID + "\",\"out_trade_no\":\"" + paymentNo + "\",\"transaction_id\":\"4200000000"
                + "\",\"out_refund_no\":\"" + refundNo + "\",\"refund_id\":\"50000" + refundNo + "\",\"refund_status\":\"" + status
                + "\",\"success_time\":\"" + OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0)
                + "\",\"user_received_account\":\"招商银行信用卡0403\",\"amount\":{\"total\":" + totalFen + ",\"refund\":" + refundFen
                + ",\"payer_total\":" + totalFen + ",\"payer_refund\":" + refundFen + "}}";
        return signedNotification("REFUND." + status, "refund", "退款" + status, resource, key);
    }

    /** A refund request answered as WeChat Pay answers it ({@code status}: PROCESSING or SUCCESS), signed. */
    void refundAnswers(String status) {
        server.stubFor(post(urlEqualTo("/v3/refund/domestic/refunds")).willReturn(signed(200, "{\"refund_id\":\"50300908092018\","
                + "\"out_refund_no\":\"x\",\"transaction_id\":\"4200000000\",\"out_trade_no\":\"x\",\"channel\":\"ORIGINAL\","
                + "\"user_received_account\":\"招商银行信用卡0403\",\"create_time\":\"" + OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0)
                + "\",\"status\":\"" + status + "\",\"amount\":{\"total\":1,\"refund\":1,\"payer_total\":1,\"payer_refund\":1,"
                + "\"settlement_refund\":1,\"settlement_total\":1,\"discount_refund\":0,\"currency\":\"CNY\"}}")));
    }

    private Notification signedNotification(String eventType, String originalType, String summary, String resource, PrivateKey key) {
        String nonce = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"create_time\":\"" + OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0)
                + "\",\"resource_type\":\"encrypt-resource\",\"event_type\":\"" + eventType + "\",\"summary\":\"" + summary + "\","
                + "\"resource\":{\"original_type\":\"" + originalType + "\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\""
                + encrypt(resource, nonce, originalType) + "\",\"associated_data\":\"" + originalType + "\",\"nonce\":\"" + nonce + "\"}}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signNonce = UUID.randomUUID().toString().replace("-", "");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Wechatpay-Serial", PUBLIC_KEY_ID);
        headers.set("Wechatpay-Timestamp", timestamp);
        headers.set("Wechatpay-Nonce", signNonce);
        headers.set("Wechatpay-Signature", sign(key, timestamp + "\n" + signNonce + "\n" + body + "\n"));
        return new Notification(body, headers);
    }

    Notification notification(String paymentNo, String transactionId, long totalFen) {
        return notification(paymentNo, transactionId, totalFen, MCH_ID, platform.getPrivate());
    }

    record Notification(String body, HttpHeaders headers) {
    }

    private static String encrypt(String plain, String nonce, String aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(API_V3_KEY.getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(PrivateKey key, String message) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
