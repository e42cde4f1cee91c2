package com.siyu.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

@ServiceIT
class CouponTemplateIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    long tenant;
    HttpHeaders operator;

    @BeforeEach
    void freshTenant() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        operator = Http.staff(tenant, 9, "OPERATOR");
    }

    @Test
    void anOperatorCreatesADraftTemplateAndReadsItBack() {
        ResponseEntity<String> created = create(operator, threshold("满200减30", 3000, 20000));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode template = read(created);
        assertThat(template.path("status").asText()).isEqualTo("DRAFT");
        assertThat(template.path("issuedCount").asInt()).isZero();
        assertThat(created.getHeaders().getLocation()).hasPath("/admin/v1/coupon/templates/" + template.path("id").asLong());

        JsonNode read = read(http.exchange("/admin/v1/coupon/templates/" + template.path("id").asLong(), HttpMethod.GET,
                new HttpEntity<>(operator), String.class));
        assertThat(read.path("valueFen").asLong()).isEqualTo(3000);
        assertThat(read.path("thresholdFen").asLong()).isEqualTo(20000);
    }

    @Test
    void templatesOfAnotherTenantAreInvisible() {
        long id = read(create(operator, threshold("mine", 1000, 5000))).path("id").asLong();
        HttpHeaders otherTenant = Http.staff(tenant + 1, 9, "OPERATOR");
        assertThat(http.exchange("/admin/v1/coupon/templates/" + id, HttpMethod.GET, new HttpEntity<>(otherTenant), String.class)
                .getStatusCode().value()).isEqualTo(404);
        JsonNode list = read(http.exchange("/admin/v1/coupon/templates", HttpMethod.GET, new HttpEntity<>(otherTenant), String.class));
        assertThat(list.size()).isZero();
        JsonNode mine = read(http.exchange("/admin/v1/coupon/templates", HttpMethod.GET, new HttpEntity<>(operator), String.class));
        assertThat(mine.findValuesAsText("name")).containsExactly("mine");
    }

    @Test
    void incoherentOrMalformedTemplatesAreProblems() {
        ResponseEntity<String> incoherent = create(operator, threshold("bad", 5000, 5000));
        assertThat(incoherent.getStatusCode().value()).isEqualTo(400);
        assertThat(read(incoherent).path("code").asText()).isEqualTo("COUPON_TEMPLATE_INVALID");

        Map<String, Object> unknownType = threshold("bad", 100, 1000);
        unknownType.put("type", "LOTTERY");
        ResponseEntity<String> badType = create(operator, unknownType);
        assertThat(badType.getStatusCode().value()).isEqualTo(400);
        assertThat(read(badType).path("detail").asText()).contains("type");

        Map<String, Object> negative = threshold("bad", -100, 1000);
        ResponseEntity<String> negativeValue = create(operator, negative);
        assertThat(negativeValue.getStatusCode().value()).isEqualTo(400);
        assertThat(read(negativeValue).path("errors").findValuesAsText("field")).contains("valueFen");

        ResponseEntity<String> guide = create(Http.staff(tenant, 10, "GUIDE"), threshold("x", 100, 1000));
        assertThat(guide.getStatusCode().value()).isEqualTo(403);
        JsonNode list = read(http.exchange("/admin/v1/coupon/templates", HttpMethod.GET, new HttpEntity<>(operator), String.class));
        assertThat(list.size()).isZero();
    }

    private ResponseEntity<String> create(HttpHeaders staff, Map<String, Object> body) {
        return http.exchange("/admin/v1/coupon/templates", HttpMethod.POST, new HttpEntity<>(body, Http.write(staff)), String.class);
    }

    private static Map<String, Object> threshold(String name, long valueFen, long thresholdFen) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", "THRESHOLD");
        body.put("valueFen", valueFen);
        body.put("thresholdFen", thresholdFen);
        body.put("totalStock", 100);
        body.put("perMemberLimit", 1);
        body.put("validFrom", "2026-01-01T00:00:00Z");
        body.put("validTo", "2027-01-01T00:00:00Z");
        return body;
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }
}
