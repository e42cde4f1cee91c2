package com.siyu.common.feign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemErrorDecoderTest {

    private final ProblemErrorDecoder decoder = new ProblemErrorDecoder(new ObjectMapper());

    @Test
    void aProblem4xxBecomesARejectionWithItsCodeAndDetail() {
        Exception e = decoder.decode("PointsClient#spend", response(409,
                "{\"status\":409,\"code\":\"POINTS_INSUFFICIENT\",\"detail\":\"The member has 3 points\"}"));
        assertThat(e).isInstanceOf(RemoteRejection.class);
        RemoteRejection rejection = (RemoteRejection) e;
        assertThat(rejection.status()).isEqualTo(409);
        assertThat(rejection.code()).isEqualTo("POINTS_INSUFFICIENT");
        assertThat(rejection.detail()).isEqualTo("The member has 3 points");
    }

    @Test
    void a5xxIsAFailureNotARejection() {
        Exception e = decoder.decode("PointsClient#spend", response(503, "{\"code\":\"UPSTREAM_UNAVAILABLE\"}"));
        assertThat(e).isInstanceOf(RemoteProblem.class).isNotInstanceOf(RemoteRejection.class);
        assertThat(((RemoteProblem) e).code()).isEqualTo("UPSTREAM_UNAVAILABLE");
    }

    @Test
    void aBodyThatIsNotAProblemStillGivesAUsableException() {
        Exception e = decoder.decode("MemberClient#member", response(404, "<html>nope</html>"));
        assertThat(e).isInstanceOf(RemoteRejection.class);
        assertThat(((RemoteProblem) e).code()).isEqualTo("HTTP_404");
        Exception empty = decoder.decode("MemberClient#member", Response.builder().status(502).reason("Bad Gateway")
                .request(request()).headers(Map.of()).build());
        assertThat(((RemoteProblem) empty).code()).isEqualTo("UPSTREAM_FAILED");
    }

    private static Response response(int status, String body) {
        return Response.builder().status(status).request(request()).headers(Map.of())
                .body(body, StandardCharsets.UTF_8).build();
    }

    private static Request request() {
        return Request.create(Request.HttpMethod.POST, "http://points-service/internal/points/spends", Map.of(), null,
                StandardCharsets.UTF_8, null);
    }
}
