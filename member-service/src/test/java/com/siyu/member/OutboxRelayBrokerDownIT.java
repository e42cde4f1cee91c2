package com.siyu.member;

import static com.siyu.common.test.Rabbit.eventually;
import static com.siyu.member.OutboxRelayIT.member;
import static com.siyu.member.OutboxRelayIT.merge;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import com.siyu.member.OutboxRelayIT.Merge;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The outbox relay pointed at a closed port (its own context): nothing escapes the scheduler, the service
 * answers, and the event waits in outbox_event. The context is closed after the class.
 */
@ServiceIT
@TestPropertySource(properties = {"siyu.outbox.initial-delay=PT0S", "siyu.outbox.interval=PT0.2S",
        "spring.rabbitmq.port=1", "spring.rabbitmq.connection-timeout=1s"})
@DirtiesContext
class OutboxRelayBrokerDownIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void theServiceKeepsWorkingAndTheEventWaits() {
        double before = brokerFailures();
        Merge merge = merge(http, json);

        assertThat(eventually(() -> brokerFailures() >= before + 3)).as("the relay tried and failed a few times").isTrue();
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where tenant_id = ? and type = 'MemberMerged' "
                + "and published_at is null", Integer.class, merge.tenant())).isEqualTo(1);

        // writes and reads go on while the relay keeps failing in the background
        HttpHeaders admin = Http.staff(merge.tenant(), 1, "TENANT_ADMIN");
        long started = System.nanoTime();
        member(http, json, admin, "13700000003");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a request never waits for the broker")
                .isLessThan(Duration.ofSeconds(3));
        ResponseEntity<String> history = http.exchange("/admin/v1/member/members/" + merge.survivor() + "/merges",
                HttpMethod.GET, new HttpEntity<>(admin), String.class);
        assertThat(history.getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select published_at is null from outbox_event where tenant_id = ? and type = 'MemberMerged'",
                Boolean.class, merge.tenant())).as("still waiting for the broker").isTrue();
    }

    private double brokerFailures() {
        Counter counter = meters.find("siyu.outbox.failures").tag("reason", "broker").counter();
        return counter == null ? 0 : counter.count();
    }
}
