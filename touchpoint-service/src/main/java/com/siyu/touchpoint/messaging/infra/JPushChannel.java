package com.siyu.touchpoint.messaging.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.siyu.touchpoint.messaging.domain.AppPushChannel;
import com.siyu.touchpoint.messaging.domain.PushAccount;
import com.siyu.touchpoint.messaging.domain.PushRepository;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * JPush (极光推送) REST API v3, {@code POST {host}/v3/push} with HTTP Basic auth of the tenant's AppKey and Master
 * Secret, to the registration ids of the member's devices. The host is configurable (the sandbox locally, WireMock in
 * tests). How an answer is taken ({@link #answer}): throttling (429) and server faults (5xx) are JPush not taking the
 * push, tried again later; 1011 is none of these devices known to the app, so another channel is tried; 401/403 is
 * the account refused; any other error is this push refused. No answer at all means it may have gone: never sent again.
 */
@Component
class JPushChannel implements AppPushChannel {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** "cannot find user by this audience": no device of the audience is registered with the app (or active in 255 days). */
    static final int NO_AUDIENCE = 1011;
    /** JPush's own code for exceeding the API's call frequency (answered with HTTP 429). */
    static final int RATE_LIMITED = 2002;

    private final PushRepository repository;
    private final String host;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    JPushChannel(PushRepository repository, @Value("${siyu.touchpoint.jpush-host:https://api.jpush.cn}") String host) {
        this.repository = repository;
        this.host = host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    }

    @Override
    public Map<Long, List<String>> devices(Collection<Long> memberIds) {
        return repository.registrationIds(memberIds);
    }

    @Override
    public Result send(List<String> registrationIds, Notification notification, int sendNo) {
        Optional<PushAccount> account = repository.account();
        if (account.isEmpty()) {
            return new Result(Outcome.NOT_CONFIGURED, null, null, null);
        }
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(host + "/v3/push")).timeout(Duration.ofSeconds(5))
                    .header("Authorization", basic(account.get())).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(registrationIds, notification, sendNo, account.get().apnsProduction()))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException | UnknownHostException e) {
            // the request never reached JPush
            return new Result(Outcome.UNAVAILABLE, null, null, e.getClass().getSimpleName());
        } catch (IOException e) {
            // sent, but no answer (a timeout, the connection dropped): JPush may have pushed it
            return new Result(Outcome.UNKNOWN, null, null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.UNKNOWN, null, null, "interrupted");
        }
        return answer(response.statusCode(), response.body());
    }

    static String basic(PushAccount account) {
        return "Basic " + Base64.getEncoder().encodeToString((account.appKey() + ":" + account.masterSecret()).getBytes(StandardCharsets.UTF_8));
    }

    /** The push as JPush takes it: every platform, these registration ids, the title and alert, the extras on Android and iOS. */
    static String body(List<String> registrationIds, Notification notification, int sendNo, boolean apnsProduction) {
        ObjectNode push = JSON.createObjectNode();
        push.put("platform", "all");
        registrationIds.forEach(push.putObject("audience").putArray("registration_id")::add);
        ObjectNode content = push.putObject("notification");
        content.put("alert", notification.alert());
        ObjectNode android = content.putObject("android");
        android.put("alert", notification.alert());
        if (notification.title() != null && !notification.title().isBlank()) {
            android.put("title", notification.title());
        }
        extras(android, notification.extras());
        ObjectNode ios = content.putObject("ios");
        if (notification.title() != null && !notification.title().isBlank()) {
            // APNs' alert dictionary: iOS shows the title above the text
            ios.putObject("alert").put("title", notification.title()).put("body", notification.alert());
        } else {
            ios.put("alert", notification.alert());
        }
        extras(ios, notification.extras());
        push.putObject("options").put("sendno", sendNo).put("apns_production", apnsProduction);
        try {
            return JSON.writeValueAsString(push);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A push did not serialise", e);
        }
    }

    private static void extras(ObjectNode platform, Map<String, String> extras) {
        if (!extras.isEmpty()) {
            ObjectNode node = platform.putObject("extras");
            extras.forEach(node::put);
        }
    }

    /** JPush's answer: {@code {"sendno":"…","msg_id":"…"}} when it took the push, {@code {"error":{"code":…,"message":"…"}}} when not. */
    static Result answer(int status, String body) {
        JsonNode answer;
        try {
            answer = body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            answer = JSON.missingNode();
        }
        if (status >= 200 && status < 300) {
            String msgId = answer.path("msg_id").asText("");
            // taken, but without its id (not JPush's answer): it may have gone out, so never again
            return msgId.isEmpty() ? new Result(Outcome.UNKNOWN, null, "HTTP_" + status, body) : new Result(Outcome.SENT, msgId, null, body);
        }
        JsonNode error = answer.path("error").path("code");
        String code = error.isNumber() || error.isTextual() ? error.asText() : "HTTP_" + status;
        if (error.asInt(-1) == NO_AUDIENCE) {
            return new Result(Outcome.NO_AUDIENCE, null, code, body);
        }
        if (status == 429 || error.asInt(-1) == RATE_LIMITED || status >= 500) {
            return new Result(Outcome.UNAVAILABLE, null, code, body);
        }
        if (status == 401 || status == 403) {
            return new Result(Outcome.AUTH_FAILED, null, code, body);
        }
        return new Result(Outcome.REJECTED, null, code, body);
    }
}
