package com.siyu.payment.checkout.infra;

import com.github.binarywang.wxpay.bean.notify.SignatureHeader;
import com.github.binarywang.wxpay.bean.notify.WxPayPartnerNotifyV3Result;
import com.github.binarywang.wxpay.bean.notify.WxPayPartnerRefundNotifyV3Result;
import com.github.binarywang.wxpay.bean.request.WxPayPartnerOrderCloseV3Request;
import com.github.binarywang.wxpay.bean.request.WxPayPartnerOrderQueryV3Request;
import com.github.binarywang.wxpay.bean.request.WxPayPartnerUnifiedOrderV3Request;
import com.github.binarywang.wxpay.bean.request.WxPayRefundQueryV3Request;
import com.github.binarywang.wxpay.bean.result.WxPayPartnerOrderQueryV3Result;
import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.payment.client.TenantMiniApps;
import com.siyu.payment.merchant.domain.MerchantAccount;
import com.siyu.payment.merchant.domain.MerchantAccounts;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>Which merchant takes a tenant's cash (issue 10 §4): the deployment's own merchant
 * ({@code siyu.payment.wechat.*}) for a tenant without an account; for a PARTNER tenant the same merchant
 * as service provider ({@code sp_mchid}) with the tenant's {@code sub_mchid} and its mini-program as
 * {@code sub_appid}, through WxJava's partner APIs; for a DIRECT tenant the mall's own merchant and keys.
 * The merchant that took an order is recorded ({@link WechatPayees}) and every later call about that order
 * or its refunds goes there; notifications arrive per merchant ({@code notify-url}, {@code /partner},
 * {@code /merchants/<mchid>}) and must come from the merchant that took the payment.
 */
class WechatPayChannel implements PaymentChannel, ChannelNotifications {

    private static final Logger log = LoggerFactory.getLogger(WechatPayChannel.class);
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    static final String PARTNER_ROUTE = "partner";
    static final String MERCHANT_ROUTE = "merchants/";

    /** One merchant's WxJava client and the ids WeChat Pay's answers must carry. */
    private record Merchant(WxPayService wx, String mchId, String appId, Instant version) {
    }

    private final CheckoutProperties.Wechat settings;
    private final Merchant platform;
    private final MerchantAccounts accounts;
    private final TenantMiniApps miniApps;
    private final WechatPayees payees;
    private final Map<String, Merchant> direct = new ConcurrentHashMap<>();
    private final Duration notificationMaxAge;
    private final String notifyUrl;
    private final Clock clock;

    WechatPayChannel(CheckoutProperties.Wechat settings, CheckoutSettings checkout, MerchantAccounts accounts, TenantMiniApps miniApps,
                     WechatPayees payees, Clock clock) {
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
        this.accounts = accounts;
        this.miniApps = miniApps;
        this.payees = payees;
        this.notificationMaxAge = checkout.notificationMaxAge();
        this.notifyUrl = stripSlash(settings.notifyUrl());
        this.clock = clock;
        this.platform = merchant(settings.mchId(), settings.appId(), settings.apiV3Key(), settings.merchantSerialNo(), settings.privateKey(),
                settings.platformPublicKey(), settings.platformPublicKeyId(), null);
    }

    /** A WxJava client for one merchant, with the deployment's host, proxy and timeouts. */
    private Merchant merchant(String mchId, String appId, String apiV3Key, String serialNo, String privateKeyPem, String platformKeyPem,
                              String platformKeyId, Instant version) {
        PrivateKey merchantKey = PemUtils.loadPrivateKey(stream(privateKeyPem));
        PublicKey platformKey = PemUtils.loadPublicKey(stream(platformKeyPem));
        Verifier verifier = new PublicCertificateVerifier(platformKey, platformKeyId);
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
                .withMerchant(mchId, serialNo, merchantKey)
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
        config.setAppId(appId);
        config.setMchId(mchId);
        config.setApiV3Key(apiV3Key);
        config.setCertSerialNo(serialNo);
        config.setPublicKeyId(platformKeyId);
        config.setPayBaseUrl(stripSlash(settings.baseUrl()));
        config.setNotifyUrl(notifyUrl);
        config.setPrivateKey(merchantKey);
        config.setVerifier(verifier);
        config.setApiV3HttpClient(http);
        // WxJava sets these on every request, overriding the client's defaults
        config.setHttpConnectionTimeout((int) settings.connectTimeout().toMillis());
        config.setHttpTimeout((int) settings.readTimeout().toMillis());
        WxPayServiceApacheHttpImpl service = new WxPayServiceApacheHttpImpl();
        service.setConfig(config);
        return new Merchant(service, mchId, appId, version);
    }

    /** A DIRECT tenant's merchant, built once per version of its account. */
    private Merchant directMerchant(MerchantAccount account, String appId) {
        Merchant cached = direct.get(account.mchId());
        if (cached != null && cached.version().equals(account.updatedAt()) && java.util.Objects.equals(cached.appId(), appId)) {
            return cached;
        }
        MerchantAccount.DirectCredentials c = account.credentials();
        Merchant built = merchant(account.mchId(), appId, c.apiV3Key(), c.merchantSerialNo(), c.privateKey(), c.platformPublicKey(),
                c.platformPublicKeyId(), account.updatedAt());
        direct.put(account.mchId(), built);
        return built;
    }

    /** The merchant behind a recorded payee, in the payment's tenant. */
    private Merchant merchantOf(String payee) {
        if (payee.startsWith(MerchantAccount.DIRECT_PREFIX)) {
            String mchId = payee.substring(MerchantAccount.DIRECT_PREFIX.length());
            MerchantAccount account = accounts.byDirectMchId(mchId)
                    .orElseThrow(() -> new ChannelFailed("WeChat Pay merchant " + mchId + " is no longer configured", null));
            return directMerchant(account, tenantAppId());
        }
        return platform;
    }

    private static String subMchId(String payee) {
        return payee.startsWith(MerchantAccount.PARTNER_PREFIX) ? payee.substring(MerchantAccount.PARTNER_PREFIX.length()) : null;
    }

    private String tenantAppId() {
        return miniApps.current().orElseThrow(() -> new ChannelFailed("The tenant has no mini-program to pay in", null));
    }

    /** Where a merchant's notifications arrive. */
    private String notifyUrlOf(String payee) {
        if (payee.startsWith(MerchantAccount.PARTNER_PREFIX)) {
            return notifyUrl + "/" + PARTNER_ROUTE;
        }
        if (payee.startsWith(MerchantAccount.DIRECT_PREFIX)) {
            return notifyUrl + "/" + MERCHANT_ROUTE + payee.substring(MerchantAccount.DIRECT_PREFIX.length());
        }
        return notifyUrl;
    }

    @Override
    public String name() {
        return "WECHAT";
    }

    /** The deployment's app for a tenant paying through the deployment's merchant; otherwise the tenant's own (null). */
    @Override
    public String payerAppId() {
        return accounts.current().isPresent() ? null : settings.appId();
    }

    @Override
    public Prepay prepay(PrepayOrder order) {
        String payee = payees.record(order.paymentNo(), accounts.current().map(MerchantAccount::payee).orElse(MerchantAccount.PLATFORM));
        String expire = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(order.expiresAt().atOffset(CHINA).truncatedTo(ChronoUnit.SECONDS));
        try {
            WxPayUnifiedOrderV3Result.JsapiResult result;
            String subMchId = subMchId(payee);
            if (subMchId != null) {
                WxPayPartnerUnifiedOrderV3Request request = new WxPayPartnerUnifiedOrderV3Request()
                        .setSpAppid(platform.appId()).setSpMchId(platform.mchId())
                        .setSubAppid(tenantAppId()).setSubMchId(subMchId)
                        .setOutTradeNo(order.paymentNo())
                        .setDescription(order.description())
                        .setTimeExpire(expire)
                        .setNotifyUrl(notifyUrlOf(payee))
                        .setAmount(new WxPayPartnerUnifiedOrderV3Request.Amount().setTotal(Math.toIntExact(order.cashFen())).setCurrency("CNY"))
                        .setPayer(new WxPayPartnerUnifiedOrderV3Request.Payer().setSubOpenid(order.payerOpenid()));
                result = platform.wx().createPartnerOrderV3(TradeTypeEnum.JSAPI, request);
            } else {
                WxPayUnifiedOrderV3Request request = new WxPayUnifiedOrderV3Request()
                        .setOutTradeNo(order.paymentNo())
                        .setDescription(order.description())
                        .setTimeExpire(expire)
                        .setNotifyUrl(notifyUrlOf(payee))
                        .setAmount(new WxPayUnifiedOrderV3Request.Amount().setTotal(Math.toIntExact(order.cashFen())).setCurrency("CNY"))
                        .setPayer(new WxPayUnifiedOrderV3Request.Payer().setOpenid(order.payerOpenid()));
                result = merchantOf(payee).wx().createOrderV3(TradeTypeEnum.JSAPI, request);
            }
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
        String payee = payees.of(paymentNo);
        String subMchId = subMchId(payee);
        String state;
        String mchId;
        String transactionId;
        String successTime;
        Integer total;
        try {
            if (subMchId != null) {
                WxPayPartnerOrderQueryV3Result order = platform.wx().queryPartnerOrderV3(new WxPayPartnerOrderQueryV3Request()
                        .setSpMchId(platform.mchId()).setSubMchId(subMchId).setOutTradeNo(paymentNo));
                state = order.getTradeState();
                mchId = platform.mchId().equals(order.getSpMchId()) ? order.getSubMchId() : null;
                transactionId = order.getTransactionId();
                successTime = order.getSuccessTime();
                total = order.getAmount() == null ? null : order.getAmount().getTotal();
            } else {
                Merchant merchant = merchantOf(payee);
                com.github.binarywang.wxpay.bean.result.WxPayOrderQueryV3Result order = merchant.wx().queryOrderV3(null, paymentNo);
                state = order.getTradeState();
                mchId = order.getMchid();
                transactionId = order.getTransactionId();
                successTime = order.getSuccessTime();
                total = order.getAmount() == null ? null : order.getAmount().getTotal();
                subMchId = merchant.mchId();
            }
        } catch (WxPayException e) {
            if ("ORDER_NOT_EXIST".equals(e.getErrCode())) {
                return java.util.Optional.empty();
            }
            throw new ChannelFailed("WeChat Pay query of " + paymentNo + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ChannelFailed("WeChat Pay query of " + paymentNo + " failed: " + e.getMessage(), e);
        }
        if (!"SUCCESS".equals(state)) {
            return java.util.Optional.empty();
        }
        // subMchId here: the merchant the answer must name (the sub-merchant, or the direct merchant itself)
        if (!subMchId.equals(mchId) || total == null) {
            throw new ChannelFailed("WeChat Pay answered for merchant " + mchId + " about " + paymentNo, null);
        }
        Instant paidAt = successTime == null ? clock.instant() : OffsetDateTime.parse(successTime).toInstant();
        return java.util.Optional.of(new ChannelPaid(paymentNo, transactionId, total, paidAt));
    }

    @Override
    public void close(String paymentNo) {
        String payee = payees.of(paymentNo);
        try {
            String subMchId = subMchId(payee);
            if (subMchId != null) {
                platform.wx().closePartnerOrderV3(new WxPayPartnerOrderCloseV3Request()
                        .setSpMchId(platform.mchId()).setSubMchId(subMchId).setOutTradeNo(paymentNo));
            } else {
                merchantOf(payee).wx().closeOrderV3(paymentNo);
            }
        } catch (WxPayException | RuntimeException e) {
            throw new ChannelFailed("WeChat Pay close of " + paymentNo + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * {@code route}: "" for the deployment's merchant, {@code partner} for its sub-merchants,
     * {@code merchants/<mchid>} for a tenant's own merchant. The payment must have been taken by that merchant.
     */
    @Override
    public ChannelPaid verify(String route, String body, Map<String, String> headers) {
        SignatureHeader header = signatureHeader(body, headers);
        String payee;
        String paymentNo;
        String transactionId;
        String tradeState;
        String successTime;
        Integer total;
        try {
            if (PARTNER_ROUTE.equals(route)) {
                WxPayPartnerNotifyV3Result.DecryptNotifyResult paid = platform.wx().parsePartnerOrderNotifyV3Result(body, header).getResult();
                if (!platform.mchId().equals(paid.getSpMchid()) || !platform.appId().equals(paid.getSpAppid())) {
                    throw merchantMismatch(paid.getSpMchid(), paid.getOutTradeNo());
                }
                payee = MerchantAccount.PARTNER_PREFIX + paid.getSubMchid();
                paymentNo = paid.getOutTradeNo();
                transactionId = paid.getTransactionId();
                tradeState = paid.getTradeState();
                successTime = paid.getSuccessTime();
                total = paid.getAmount() == null ? null : paid.getAmount().getTotal();
            } else {
                Merchant merchant = notifiedMerchant(route);
                WxPayNotifyV3Result.DecryptNotifyResult paid = merchant.wx().parseOrderNotifyV3Result(body, header).getResult();
                if (!merchant.mchId().equals(paid.getMchid()) || (merchant == platform && !platform.appId().equals(paid.getAppid()))) {
                    throw merchantMismatch(paid.getMchid(), paid.getOutTradeNo());
                }
                payee = merchant == platform ? MerchantAccount.PLATFORM : MerchantAccount.DIRECT_PREFIX + merchant.mchId();
                paymentNo = paid.getOutTradeNo();
                transactionId = paid.getTransactionId();
                tradeState = paid.getTradeState();
                successTime = paid.getSuccessTime();
                total = paid.getAmount() == null ? null : paid.getAmount().getTotal();
            }
        } catch (WxPayException | RuntimeException e) {
            if (e instanceof NotificationRejected rejected) {
                throw rejected;
            }
            log.warn("Rejected WeChat Pay notification (serial {}): {}", header.getSerial(), e.getMessage());
            throw new NotificationRejected("NOTIFICATION_SIGNATURE_INVALID", "The notification's signature or content is not valid");
        }
        if (!payee.equals(payees.ofAnyTenant(paymentNo))) {
            throw merchantMismatch(payee, paymentNo);
        }
        if (!"SUCCESS".equals(tradeState) || total == null) {
            log.warn("Rejected WeChat Pay notification for {} in state {}", paymentNo, tradeState);
            throw new NotificationRejected("NOTIFICATION_NOT_SUCCESS", "Only successful payments are notified here");
        }
        Instant paidAt = successTime == null ? clock.instant() : OffsetDateTime.parse(successTime).toInstant();
        return new ChannelPaid(paymentNo, transactionId, total, paidAt);
    }

    private static NotificationRejected merchantMismatch(String merchant, String no) {
        log.warn("Rejected WeChat Pay notification from merchant {} about {}: not the merchant that took it", merchant, no);
        return new NotificationRejected("NOTIFICATION_MERCHANT_MISMATCH", "The notification is for another merchant or app");
    }

    /** The deployment's merchant ("") or a tenant's own ({@code merchants/<mchid>}); anything else is refused. */
    private Merchant notifiedMerchant(String route) {
        if (route == null || route.isEmpty()) {
            return platform;
        }
        if (route.startsWith(MERCHANT_ROUTE)) {
            String mchId = route.substring(MERCHANT_ROUTE.length());
            MerchantAccount account = accounts.byDirectMchId(mchId).orElseThrow(() -> {
                log.warn("Rejected WeChat Pay notification for unknown merchant {}", mchId);
                return new NotificationRejected("NOTIFICATION_MERCHANT_MISMATCH", "No such merchant");
            });
            // the merchant's appid is its tenant's mini-program; the notification's appid is checked against the payment below
            return CallerContext.callAs(Caller.system(account.tenantId()), () -> directMerchant(account, tenantAppId()));
        }
        throw new NotificationRejected("NOTIFICATION_MERCHANT_MISMATCH", "No such merchant");
    }

    @Override
    public ChannelRefund refund(RefundOrder order) {
        String payee = payees.record(order.refundNo(), payees.of(order.paymentNo()));
        WxPayRefundV3Request request = new WxPayRefundV3Request()
                .setOutTradeNo(order.paymentNo())
                .setOutRefundNo(order.refundNo())
                .setReason(order.reason())
                .setNotifyUrl(notifyUrlOf(payee) + "/refunds")
                .setAmount(new WxPayRefundV3Request.Amount().setRefund(Math.toIntExact(order.refundFen()))
                        .setTotal(Math.toIntExact(order.totalFen())).setCurrency("CNY"));
        String subMchId = subMchId(payee);
        if (subMchId != null) {
            request.setSubMchid(subMchId);
        }
        try {
            WxPayRefundV3Result result = (subMchId != null ? platform : merchantOf(payee)).wx().refundV3(request);
            return refundState(order.refundNo(), result.getRefundId(), result.getStatus(), result.getSuccessTime());
        } catch (WxPayException | RuntimeException e) {
            throw new ChannelFailed("WeChat Pay refund " + order.refundNo() + " of " + order.paymentNo() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public java.util.Optional<ChannelRefund> queryRefund(String refundNo) {
        String payee = payees.of(refundNo);
        String subMchId = subMchId(payee);
        try {
            WxPayRefundQueryV3Result result;
            if (subMchId != null) {
                WxPayRefundQueryV3Request request = new WxPayRefundQueryV3Request();
                request.setOutRefundNo(refundNo);
                request.setSubMchid(subMchId);
                result = platform.wx().refundPartnerQueryV3(request);
            } else {
                result = merchantOf(payee).wx().refundQueryV3(refundNo);
            }
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
    public ChannelRefund verifyRefund(String route, String body, Map<String, String> headers) {
        SignatureHeader header = signatureHeader(body, headers);
        String payee;
        String refundNo;
        String refundId;
        String status;
        String successTime;
        try {
            if (PARTNER_ROUTE.equals(route)) {
                WxPayPartnerRefundNotifyV3Result.DecryptNotifyResult refund = platform.wx().parsePartnerRefundNotifyV3Result(body, header)
                        .getResult();
                if (!platform.mchId().equals(refund.getSpMchId())) {
                    throw merchantMismatch(refund.getSpMchId(), refund.getOutRefundNo());
                }
                payee = MerchantAccount.PARTNER_PREFIX + refund.getSubMchId();
                refundNo = refund.getOutRefundNo();
                refundId = refund.getRefundId();
                status = refund.getRefundStatus();
                successTime = refund.getSuccessTime();
            } else {
                Merchant merchant = notifiedMerchant(route);
                WxPayRefundNotifyV3Result.DecryptNotifyResult refund = merchant.wx().parseRefundNotifyV3Result(body, header).getResult();
                if (!merchant.mchId().equals(refund.getMchid())) {
                    throw merchantMismatch(refund.getMchid(), refund.getOutRefundNo());
                }
                payee = merchant == platform ? MerchantAccount.PLATFORM : MerchantAccount.DIRECT_PREFIX + merchant.mchId();
                refundNo = refund.getOutRefundNo();
                refundId = refund.getRefundId();
                status = refund.getRefundStatus();
                successTime = refund.getSuccessTime();
            }
        } catch (WxPayException | RuntimeException e) {
            if (e instanceof NotificationRejected rejected) {
                throw rejected;
            }
            log.warn("Rejected WeChat Pay refund notification (serial {}): {}", header.getSerial(), e.getMessage());
            throw new NotificationRejected("NOTIFICATION_SIGNATURE_INVALID", "The notification's signature or content is not valid");
        }
        if (!payee.equals(payees.ofAnyTenant(refundNo))) {
            throw merchantMismatch(payee, refundNo);
        }
        return refundState(refundNo, refundId, status, successTime);
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
