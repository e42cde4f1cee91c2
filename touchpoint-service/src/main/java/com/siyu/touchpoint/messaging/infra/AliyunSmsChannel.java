package com.siyu.touchpoint.messaging.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.touchpoint.client.MemberContactsClient;
import com.siyu.touchpoint.messaging.domain.MessagingRepository;
import com.siyu.touchpoint.messaging.domain.SmsAccount;
import com.siyu.touchpoint.messaging.domain.SmsChannel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Aliyun 短信服务's SendSms (API version 2017-05-25), called over HTTP with its RPC signature (HMAC-SHA1 of the sorted,
 * percent-encoded parameters, key = AccessKey secret + "&"), with the tenant's own account; the phones come from
 * member-service. The endpoint is configurable (the sandbox locally, WireMock in tests). Throttling is Aliyun saying it
 * did not take the message (retried later); no answer means it may have (never sent again).
 */
@Component
class AliyunSmsChannel implements SmsChannel {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    /** Aliyun's flow control and "try again" answers: the message was not accepted. */
    private static final Set<String> RETRYABLE = Set.of("isv.BUSINESS_LIMIT_CONTROL", "Throttling", "Throttling.User", "Throttling.Api",
            "ServiceUnavailable", "isp.RAM_PERMISSION_DENY_TEMPORARY");

    private final MessagingRepository repository;
    private final MemberContactsClient members;
    private final ObjectMapper json;
    private final Clock clock;
    private final String endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    AliyunSmsChannel(MessagingRepository repository, MemberContactsClient members, ObjectMapper json, Clock clock,
                     @Value("${siyu.touchpoint.sms-endpoint:https://dysmsapi.aliyuncs.com}") String endpoint) {
        this.repository = repository;
        this.members = members;
        this.json = json;
        this.clock = clock;
        this.endpoint = endpoint;
    }

    @Override
    public Map<Long, String> phones(Collection<Long> memberIds) {
        Map<Long, String> found = new LinkedHashMap<>();
        List<Long> ids = List.copyOf(memberIds);
        for (int from = 0; from < ids.size(); from += 500) {
            members.contacts(new MemberContactsClient.Query(ids.subList(from, Math.min(ids.size(), from + 500)))).stream()
                    .filter(c -> c.phone() != null && !c.phone().isBlank()).forEach(c -> found.put(c.id(), c.phone()));
        }
        return found;
    }

    @Override
    public Result send(String phone, String templateCode, Map<String, String> params) {
        Optional<SmsAccount> account = repository.smsAccount();
        if (account.isEmpty()) {
            return new Result(Outcome.NOT_CONFIGURED, null, null, null);
        }
        String body = form(signed(account.get(), phone, templateCode, params));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/")).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new Result(Outcome.UNAVAILABLE, null, null, e.getClass().getSimpleName());
        } catch (IOException e) {
            return new Result(Outcome.UNKNOWN, null, null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.UNKNOWN, null, null, "interrupted");
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            return new Result(response.statusCode() >= 500 ? Outcome.UNKNOWN : Outcome.REJECTED, null, "HTTP_" + response.statusCode(), null);
        }
        String code = answer.path("Code").asText("");
        if ("OK".equals(code)) {
            return new Result(Outcome.SENT, answer.path("BizId").asText(null), code, response.body());
        }
        if (RETRYABLE.contains(code)) {
            return new Result(Outcome.UNAVAILABLE, null, code, response.body());
        }
        // isp.SYSTEM_ERROR and other server-side faults: Aliyun may have sent it
        return new Result(code.startsWith("isp.") || response.statusCode() >= 500 ? Outcome.UNKNOWN : Outcome.REJECTED, null, code, response.body());
    }

    /** The request's parameters with Aliyun's RPC signature added. */
    Map<String, String> signed(SmsAccount account, String phone, String templateCode, Map<String, String> params) {
        TreeMap<String, String> query = new TreeMap<>();
        query.put("AccessKeyId", account.accessKeyId());
        query.put("Action", "SendSms");
        query.put("Format", "JSON");
        query.put("PhoneNumbers", phone);
        query.put("RegionId", "cn-hangzhou");
        query.put("SignName", account.signName());
        query.put("SignatureMethod", "HMAC-SHA1");
        query.put("SignatureNonce", UUID.randomUUID().toString());
        query.put("SignatureVersion", "1.0");
        query.put("TemplateCode", templateCode);
        try {
            query.put("TemplateParam", json.writeValueAsString(params));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SMS parameters did not serialise", e);
        }
        query.put("Timestamp", TIMESTAMP.format(clock.instant()));
        query.put("Version", "2017-05-25");
        query.put("Signature", signature("POST", query, account.accessKeySecret()));
        return query;
    }

    /** HMAC-SHA1 over "METHOD&%2F&" + the percent-encoded canonical query, key = secret + "&", Base64. */
    static String signature(String method, Map<String, String> sortedParams, String secret) {
        String canonical = sortedParams.entrySet().stream().filter(e -> !"Signature".equals(e.getKey()))
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        String toSign = method + "&" + encode("/") + "&" + encode(canonical);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** RFC 3986 percent-encoding as Aliyun's POP signature wants it: space %20, * %2A, ~ kept. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static String form(Map<String, String> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> pairs.add(encode(k) + "=" + encode(v)));
        return String.join("&", pairs);
    }
}
