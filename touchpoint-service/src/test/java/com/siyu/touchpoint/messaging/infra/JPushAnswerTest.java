package com.siyu.touchpoint.messaging.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.touchpoint.messaging.domain.AppPushChannel.Notification;
import com.siyu.touchpoint.messaging.domain.AppPushChannel.Outcome;
import com.siyu.touchpoint.messaging.domain.AppPushChannel.Result;
import com.siyu.touchpoint.messaging.domain.PushAccount;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How JPush's answers are taken: which are sent, which fall through the chain, which are tried again, which fail. */
class JPushAnswerTest {

    @Test
    void anAnswerWithItsMsgIdIsSentAndOneWithoutMayHaveGone() {
        Result sent = JPushChannel.answer(200, "{\"sendno\":\"17\",\"msg_id\":\"54043195528453036\"}");
        assertThat(sent.outcome()).isEqualTo(Outcome.SENT);
        assertThat(sent.msgId()).isEqualTo("54043195528453036");
        // JPush's msg_id has been a number in older answers
        assertThat(JPushChannel.answer(200, "{\"sendno\":\"17\",\"msg_id\":1688856021}").msgId()).isEqualTo("1688856021");
        assertThat(JPushChannel.answer(200, "<html>proxy</html>").outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(JPushChannel.answer(200, "").outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void noSuchAudienceFallsThroughTheChain() {
        Result gone = JPushChannel.answer(400, "{\"error\":{\"code\":1011,\"message\":\"cannot find user by this audience\"}}");
        assertThat(gone.outcome()).isEqualTo(Outcome.NO_AUDIENCE);
        assertThat(gone.code()).isEqualTo("1011");
    }

    @Test
    void throttlingServerFaultsAreTriedAgain() {
        assertThat(JPushChannel.answer(429, "{\"error\":{\"code\":2002,\"message\":\"Rate limit exceeded\"}}").outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(JPushChannel.answer(400, "{\"error\":{\"code\":2002,\"message\":\"Rate limit exceeded\"}}").outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(JPushChannel.answer(500, "{\"error\":{\"code\":1000,\"message\":\"Server error\"}}").outcome()).isEqualTo(Outcome.UNAVAILABLE);
        Result gateway = JPushChannel.answer(502, "<html>Bad Gateway</html>");
        assertThat(gateway.outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(gateway.code()).isEqualTo("HTTP_502");
        assertThat(JPushChannel.answer(503, null).outcome()).isEqualTo(Outcome.UNAVAILABLE);
    }

    @Test
    void aRefusedAccountIsNotARefusedPush() {
        Result auth = JPushChannel.answer(401, "{\"error\":{\"code\":1004,\"message\":\"Authen failed\"}}");
        assertThat(auth.outcome()).isEqualTo(Outcome.AUTH_FAILED);
        assertThat(auth.code()).isEqualTo("1004");
        assertThat(JPushChannel.answer(403, "").outcome()).isEqualTo(Outcome.AUTH_FAILED);
        Result invalid = JPushChannel.answer(400, "{\"error\":{\"code\":1003,\"message\":\"Parameter value is invalid\"}}");
        assertThat(invalid.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(invalid.code()).isEqualTo("1003");
        assertThat(JPushChannel.answer(404, "Not Found").code()).isEqualTo("HTTP_404");
        assertThat(JPushChannel.answer(404, "Not Found").outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void theBodyIsJPushV3sShapeAndTheAuthIsBasicOfKeyAndSecret() throws Exception {
        JsonNode body = new ObjectMapper().readTree(JPushChannel.body(List.of("1a0018970a", "160a3797c8"),
                new Notification("会员日", "送你一张券", Map.of("tp", "tok", "page", "pages/a?tp=tok")), 17, false));
        assertThat(body.path("platform").asText()).isEqualTo("all");
        assertThat(body.path("audience").path("registration_id")).extracting(JsonNode::asText).containsExactly("1a0018970a", "160a3797c8");
        assertThat(body.path("notification").path("alert").asText()).isEqualTo("送你一张券");
        assertThat(body.path("notification").path("android").path("title").asText()).isEqualTo("会员日");
        assertThat(body.path("notification").path("android").path("extras").path("tp").asText()).isEqualTo("tok");
        assertThat(body.path("notification").path("ios").path("alert").path("title").asText()).isEqualTo("会员日");
        assertThat(body.path("notification").path("ios").path("alert").path("body").asText()).isEqualTo("送你一张券");
        assertThat(body.path("notification").path("ios").path("extras").path("page").asText()).isEqualTo("pages/a?tp=tok");
        assertThat(body.path("options").path("sendno").asInt()).isEqualTo(17);
        assertThat(body.path("options").path("apns_production").isBoolean()).isTrue();
        assertThat(body.path("options").path("apns_production").asBoolean()).isFalse();
        // without a title iOS gets the plain alert
        JsonNode plain = new ObjectMapper().readTree(JPushChannel.body(List.of("1a0018970a"), new Notification(null, "hi", Map.of()), 1, true));
        assertThat(plain.path("notification").path("ios").path("alert").asText()).isEqualTo("hi");
        assertThat(plain.path("notification").path("android").has("title")).isFalse();
        String basic = JPushChannel.basic(new PushAccount("466f7032ac604e02fb7bda89", "secret:with:colons", true));
        assertThat(new String(Base64.getDecoder().decode(basic.substring("Basic ".length())), StandardCharsets.UTF_8))
                .isEqualTo("466f7032ac604e02fb7bda89:secret:with:colons");
    }
}
