package com.siyu.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
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
class QuietHoursIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    long tenant;
    HttpHeaders operator;

    @BeforeEach
    void freshTenant() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        operator = Http.staff(tenant, 2, "OPERATOR");
    }

    @Test
    void aTenantStartsWithTheDefaultAndSetsItsOwn() {
        assertThat(get(operator).path("start").asText()).isEqualTo("21:00");
        ResponseEntity<String> set = put(operator, Map.of("start", "22:00", "end", "07:30", "timeZone", "Asia/Urumqi"));
        assertThat(set.getStatusCode().value()).as(set.getBody()).isEqualTo(200);
        ResponseEntity<String> again = put(operator, Map.of("start", "22:30", "end", "07:30", "timeZone", "Asia/Urumqi"));
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        JsonNode current = get(operator);
        assertThat(current.path("start").asText()).isEqualTo("22:30");
        assertThat(current.path("timeZone").asText()).isEqualTo("Asia/Urumqi");
    }

    @Test
    void anotherTenantKeepsItsOwnQuietHours() {
        put(operator, Map.of("start", "20:00", "end", "10:00", "timeZone", "Asia/Shanghai"));
        assertThat(get(Http.staff(tenant + 1, 2, "OPERATOR")).path("start").asText()).isEqualTo("21:00");
    }

    @Test
    void badInputIsAProblem() {
        ResponseEntity<String> zone = put(operator, Map.of("start", "22:00", "end", "07:00", "timeZone", "Mars/Olympus"));
        assertThat(zone.getStatusCode().value()).isEqualTo(400);
        assertThat(read(zone).path("code").asText()).isEqualTo("INVALID_TIME_ZONE");
        ResponseEntity<String> time = put(operator, Map.of("start", "25:00", "end", "07:00", "timeZone", "Asia/Shanghai"));
        assertThat(time.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> empty = put(operator, Map.of("start", "07:00", "end", "07:00", "timeZone", "Asia/Shanghai"));
        assertThat(read(empty).path("code").asText()).isEqualTo("QUIET_HOURS_INVALID");
        assertThat(get(operator).path("start").asText()).isEqualTo("21:00");
    }

    private JsonNode get(HttpHeaders staff) {
        return read(http.exchange("/admin/v1/touchpoint/quiet-hours", HttpMethod.GET, new HttpEntity<>(staff), String.class));
    }

    private ResponseEntity<String> put(HttpHeaders staff, Map<String, Object> body) {
        return http.exchange("/admin/v1/touchpoint/quiet-hours", HttpMethod.PUT, new HttpEntity<>(body, Http.write(staff)), String.class);
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }
}
