package com.siyu.payment.checkout.infra;

import com.github.binarywang.wxpay.bean.notify.SignatureHeader;
import com.github.binarywang.wxpay.bean.notify.WxPayNotifyV3Result;
import com.github.binarywang.wxpay.bean.notify.WxPayRefundNotifyV3Result;
import com.github.binarywang.wxpay.bean.request.WxPayRefundV3Request;
import com.github.binarywang.wxpay.bean.request.WxPayUnifiedOrderV3Request;
import com.github.binarywang.wxpay.bean.result.WxPayRefundQueryV3Result;
import com.github.binarywang.wxpay.bean.result.WxPayRefundV3Result;
import com.github.binarywang.wxpay.bean.result.WxPayUnifiedOrderV3Result;
import com.github.binarywang.wxpay.bean.result.enums.TradeTypeEnum;
import com.github.binarywang.wxpay.config.WxPayConfig;
import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import com.github.binarywang.wxpay.service.impl.WxPayServiceApacheHttpImpl;
import com.github.binarywang.wxpay.v3.WxPayV3HttpClientBuilder;
import com.github.binarywang.wxpay.v3.auth.PublicCertificateVerifier;
import com.github.binarywang.wxpay.v3.auth.Verifier;
import com.github.binarywang.wxpay.v3.auth.WxPayValidator;
import com.github.binarywang.wxpay.v3.util.PemUtils;
import com.siyu.payment.checkout.domain.ChannelFailed;
import com.siyu.payment.checkout.domain.ChannelNotifications;
import com.siyu.payment.checkout.domain.ChannelPaid;
import com.siyu.payment.checkout.domain.ChannelRefund;
import com.siyu.payment.checkout.domain.CheckoutSettings;
import com.siyu.payment.checkout.domain.NotificationRejected;
import com.siyu.payment.checkout.domain.PaymentChannel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeChat Pay v3 through WxJava's pay client, in "WeChat Pay public key" mode: requests signed with the
 * merchant key, answers and notifications verified with the platform public key (no platform
 * certificate download). The API host is {@code siyu.payment.wechat.base-url}, so tests and local runs
 * can point it at a stub that signs like WeChat Pay; verification is never switched off.
 */
class WechatPayChannel implements PaymentChannel, ChannelNotifications {

    private static final Logger log = LoggerFactory.getLogger(WechatPayChannel.class);
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final WxPayService wx;
    private final CheckoutProperties.Wechat settings;
    private final Duration notificationMaxAge;
    private final String refundNotifyUrl;
    private final Clock clock;

    WechatPayChannel(CheckoutProperties.Wechat settings, CheckoutSettings checkout, Clock clock) {
        require(settings.appId(), "app-id");
        require(settings.mchId(), "mch-id");
        require(settings.apiV3Key(), "api-v3-key");
        require(settings.merchantSerialNo(), "merchant-serial-no");
        require(settings.privateKey(), "private-key");
        require(settings.platformPublicKey(), "platform-public-key");
        require(settings.platformPublicKeyId(), "platform-public-key-id");
        require(settings.notifyUrl(), "notify-url");
        if (!java.net.URI.create(settings.baseUrl()).getHost().endsWith(".mch.weixin.qq.com")) {
            // WxJava would neither sign the requests nor verify the answers for any other host
            throw new IllegalStateException("siyu.payment.wechat.base-url must be a *.mch.weixin.qq.com host; reach a stub through proxy-host");
        }
        this.settings = settings;
        this.notificationMaxAge = checkout.notificationMaxAge();
        this.refundNotifyUrl = settings.refundNotifyUrl() == null || settings.refundNotifyUrl().isBlank()
                ? stripSlash(settings.notifyUrl()) + "/refunds" : settings.refundNotifyUrl();
        this.clock = clock;

        PrivateKey merchantKey = PemUtils.loadPrivateKey(stream(settings.privateKey()));
        PublicKey platformKey = PemUtils.loadPublicKey(stream(settings.platformPublicKey()));
        Verifier verifier = new PublicCertificateVerifier(platformKey, settings.platformPublicKeyId());
        // a signature under any other serial (an old platform certificate) is not trusted
        verifier.setOtherVerifier(new Verifier() {
            @Override
            public boolean verify(String serialNumber, byte[] message, String signature) {
                log.warn("WeChat Pay signature under unknown serial {} refused", serialNumber);
                return false;
            }

            @Override
            public X509Certificate getValidCertificate() {
                throw new IllegalStateException("no platform certificate: public key mode");
            }
        });
        WxPayV3HttpClientBuilder builder = WxPayV3HttpClientBuilder.create()
                .withMerchant(settings.mchId(), settings.merchantSerialNo(), merchantKey)
                .withValidator(new WxPayValidator(verifier));
        builder.setDefaultRequestConfig(RequestConfig.custom()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setConnectionRequestTimeout((int) settings.connectTimeout().toMillis())
                .setSocketTimeout((int) settings.readTimeout().toMillis())
                .build());
        if (settings.proxyHost() != null && !settings.proxyHost().isBlank()) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort() == null ? 3128 : settings.proxyPort()));
        }
        CloseableHttpClient http = builder.build();

        WxPayConfig config = new WxPayConfig();
        config.setAppId(settings.appId());
        config.setMchId(settings.mchId());
        config.setApiV3Key(settings.apiV3Key());
        config.setCertSerialNo(settings.merchantSerialNo());
        config.setPublicKeyId(settings.platformPublicKeyId());
        config.setPayBaseUrl(stripSlash(settings.baseUrl()));
        config.setNotifyUrl(settings.notifyUrl());
        config.setPrivateKey(merchantKey);
        config.setVerifier(verifier);
        config.setApiV3HttpClient(http);
        // WxJava sets these on every request, overriding the client's defaults
        config.setHttpConnectionTimeout((int) settings.connectTimeout().toMillis());
        config.setHttpTimeout((int) settings.readTimeout().toMillis());
        WxPayServiceApacheHttpImpl service = new WxPayServiceApacheHttpImpl();
        service.setConfig(config);
        this.wx = service;
    }

    @Override
    public String name() {
        return "WECHAT";
    }

    @Override
    public String payerAppId() {
        return settings.appId();
    }

    @Override
    public Prepay prepay(PrepayOrder order) {
        WxPayUnifiedOrderV3Request request = new WxPayUnifiedOrderV3Request()
                .setOutTradeNo(order.paymentNo())
                .setDescription(order.description())
                .setTimeExpire(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(order.expiresAt().atOffset(CHINA).truncatedTo(ChronoUnit.SECONDS)))
                .setAmount(new WxPayUnifiedOrderV3Request.Amount().setTotal(Math.toIntExact(order.cashFen())).setCurrency("CNY"))
                .setPayer(new WxPayUnifiedOrderV3Request.Payer().setOpenid(order.payerOpenid()));
        try {
            WxPayUnifiedOrderV3Result.JsapiResult result = wx.createOrderV3(TradeTypeEnum.JSAPI, request);
            String pkg = result.getPackageValue();
            Map<String, String> params = new LinkedHashMap<>();
            params.put("appId", result.getAppId());
            params.put("timeStamp", result.getTimeStamp());
            params.put("nonceStr", result.getNonceStr());
            params.put("package", pkg);
            params.put("signType", result.getSignType());
            params.put("paySign", result.getPaySign());
            return new Prepay(pkg.substring(pkg.indexOf('=') + 1), params, null);
        } catch (WxPayException | RuntimeException e) {
            throw new ChannelFailed("WeChat Pay prepay for " + order.paymentNo() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public java.util.Optional<ChannelPaid> query(String paymentNo) {
        com.github.binarywang.wxpay.bean.result.WxPayOrderQueryV3Result order;
        try {
            order = wx.queryOrderV3(null, paymentNo);
        } catch (WxPayException e) {
            if ("ORDER_NOT_EXIST".equals(e.getErrCode())) {
                return java.util.Optional.empty();
            }
            throw new ChannelFailed("WeChat Pay query of " + paymentNo + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ChannelFailed("WeChat Pay query of " + paymentNo + " failed: " + e.getMessage(), e);
        }
        if (!"SUCCESS".equals(order.getTradeState())) {
            return java.util.Optional.empty();
        }
        if (!settings.mchId().equals(order.getMchid()) || order.getAmount() == null || order.getAmount().getTotal() == null) {
            throw new ChannelFailed("WeChat Pay answered for merchant " + order.getMchid() + " about " + paymentNo, null);
        }
        Instant paidAt = order.getSuccessTime() == null ? clock.instant() : OffsetDateTime.parse(order.getSuccessTime()).toInstant();
        return java.util.Optional.of(new ChannelPaid(order.getOutTradeNo(), order.getTransactionId(), order.getAmount().getTotal(), paidAt));
    }

    @Override
    public void close(String paymentNo) {
        try {
            wx.closeOrderV3(paymentNo);
        } catch (WxPayException | RuntimeException e) {
            throw new ChannelFailed("WeChat Pay close of " + paymentNo + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public ChannelPaid verify(String body, Map<String, String> headers) {
        SignatureHeader header = signatureHeader(body, headers);
        String serial = header.getSerial();
        WxPayNotifyV3Result.DecryptNotifyResult paid;
        try {
            paid = wx.parseOrderNotifyV3Result(body, header).getResult();
        } catch (WxPayException | RuntimeException e) {
            log.warn("Rejected WeChat Pay notification (serial {}): {}", serial, e.getMessage());
            throw new NotificationRejected("NOTIFICATION_SIGNATURE_INVALID", "The notification's signature or content is not valid");
        }
        if (!settings.mchId().equals(paid.getMchid()) || !settings.appId().equals(paid.getAppid())) {
            log.warn("Rejected WeChat Pay notification for merchant {} / app {} (payment {})", paid.getMchid(), paid.getAppid(),
                    paid.getOutTradeNo());
            throw new NotificationRejected("NOTIFICATION_MERCHANT_MISMATCH", "The notification is for another merchant or app");
        }
        if (!"SUCCESS".equals(paid.getTradeState()) || paid.getAmount() == null || paid.getAmount().getTotal() == null) {
            log.warn("Rejected WeChat Pay notification for {} in state {}", paid.getOutTradeNo(), paid.getTradeState());
            throw new NotificationRejected("NOTIFICATION_NOT_SUCCESS", "Only successful payments are notified here");
        }
        Instant paidAt = paid.getSuccessTime() == null ? clock.instant() : OffsetDateTime.parse(paid.getSuccessTime()).toInstant();
        return new ChannelPaid(paid.getOutTradeNo(), paid.getTransactionId(), paid.getAmount().getTotal(), paidAt);
    }

    @Override
    public ChannelRefund refund(RefundOrder order) {
        WxPayRefundV3Request request = new WxPayRefundV3Request()
                .setOutTradeNo(order.paymentNo())
                .setOutRefundNo(order.refundNo())
                .setReason(order.reason())
                .setNotifyUrl(refundNotifyUrl)
                .setAmount(new WxPayRefundV3Request.Amount().setRefund(Math.toIntExact(order.refundFen()))
                        .setTotal(Math.toIntExact(order.totalFen())).setCurrency("CNY"));
        try {
            WxPayRefundV3Result result = wx.refundV3(request);
            return refundState(order.refundNo(), result.getRefundId(), result.getStatus(), result.getSuccessTime());
        } catch (WxPayException | RuntimeException e) {
            throw new ChannelFailed("WeChat Pay refund " + order.refundNo() + " of " + order.paymentNo() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public java.util.Optional<ChannelRefund> queryRefund(String refundNo) {
        try {
            WxPayRefundQueryV3Result result = wx.refundQueryV3(refundNo);
            return java.util.Optional.of(refundState(refundNo, result.getRefundId(), result.getStatus(), result.getSuccessTime()));
        } catch (WxPayException e) {
            if ("RESOURCE_NOT_EXISTS".equals(e.getErrCode()) || "ORDER_NOT_EXIST".equals(e.getErrCode())) {
                return java.util.Optional.empty();
            }
            throw new ChannelFailed("WeChat Pay query of refund " + refundNo + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ChannelFailed("WeChat Pay query of refund " + refundNo + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public ChannelRefund verifyRefund(String body, Map<String, String> headers) {
        SignatureHeader header = signatureHeader(body, headers);
        WxPayRefundNotifyV3Result.DecryptNotifyResult refund;
        try {
            refund = wx.parseRefundNotifyV3Result(body, header).getResult();
        } catch (WxPayException | RuntimeException e) {
            log.warn("Rejected WeChat Pay refund notification (serial {}): {}", header.getSerial(), e.getMessage());
            throw new NotificationRejected("NOTIFICATION_SIGNATURE_INVALID", "The notification's signature or content is not valid");
        }
        if (!settings.mchId().equals(refund.getMchid())) {
            log.warn("Rejected WeChat Pay refund notification for merchant {} (refund {})", refund.getMchid(), refund.getOutRefundNo());
            throw new NotificationRejected("NOTIFICATION_MERCHANT_MISMATCH", "The notification is for another merchant");
        }
        return refundState(refund.getOutRefundNo(), refund.getRefundId(), refund.getRefundStatus(), refund.getSuccessTime());
    }

    /** SUCCESS → succeeded; PROCESSING → processing; ABNORMAL or CLOSED → the cash did not reach the shopper. */
    private ChannelRefund refundState(String refundNo, String refundId, String status, String successTime) {
        ChannelRefund.State state = switch (status == null ? "" : status) {
            case "SUCCESS" -> ChannelRefund.State.SUCCEEDED;
            case "PROCESSING" -> ChannelRefund.State.PROCESSING;
            case "ABNORMAL", "CLOSED" -> ChannelRefund.State.ABNORMAL;
            default -> throw new ChannelFailed("WeChat Pay answered refund " + refundNo + " with status " + status, null);
        };
        Instant at = state != ChannelRefund.State.SUCCEEDED ? null
                : successTime == null ? clock.instant() : OffsetDateTime.parse(successTime).toInstant();
        return new ChannelRefund(refundNo, refundId, state, at);
    }

    /**
     * The signature headers of a notification, refused when missing (WxJava skips verification when it is
     * given none) or signed outside the accepted window (WxJava never checks the timestamp).
     */
    private SignatureHeader signatureHeader(String body, Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
        String timestamp = h.get("wechatpay-timestamp");
        String nonce = h.get("wechatpay-nonce");
        String signature = h.get("wechatpay-signature");
        String serial = h.get("wechatpay-serial");
        if (timestamp == null || nonce == null || signature == null || serial == null || body == null || body.isBlank()) {
            log.warn("Rejected WeChat Pay notification without signature headers");
            throw new NotificationRejected("NOTIFICATION_SIGNATURE_MISSING", "The notification is not signed");
        }
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            if (Duration.between(sent, clock.instant()).abs().compareTo(notificationMaxAge) > 0) {
                log.warn("Rejected WeChat Pay notification signed at {} (too old or from the future)", sent);
                throw new NotificationRejected("NOTIFICATION_STALE", "The notification's timestamp is outside the accepted window");
            }
        } catch (NumberFormatException e) {
            throw new NotificationRejected("NOTIFICATION_SIGNATURE_INVALID", "The notification's timestamp is not a number");
        }
        SignatureHeader header = new SignatureHeader();
        header.setTimeStamp(timestamp);
        header.setNonce(nonce);
        header.setSignature(signature);
        header.setSerial(serial);
        return header;
    }

    private static ByteArrayInputStream stream(String pem) {
        return new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("siyu.payment.wechat." + name + " must be set when siyu.payment.channel=wechat");
        }
    }
}
