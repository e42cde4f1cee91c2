package com.siyu.guide;

import com.siyu.common.inbox.Inbox;
import com.siyu.common.inbox.ReceivedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;


import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.siyu.common.test.Http;
import com.siyu.common.test.Rabbit;
import com.siyu.common.test.ServiceIT;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Exclusive guides: staff bind a member, the internal read returns the guide, and MemberMerged (delivered
 * through the real RabbitMQ like common's relay publishes it) lets the survivor keep its own guide or inherit
 * the absorbed member's; MemberUnmerged removes only an inherited binding. Own queue, removed after the class.
 */
@ServiceIT
@TestPropertySource(properties = {"siyu.inbox.auto-startup=true", "siyu.inbox.queue=" + GuideBindingIT.QUEUE,
        "siyu.inbox.retry-delay=PT0.3S", "siyu.inbox.max-attempts=3"})
@DirtiesContext
class GuideBindingIT {

    static final String QUEUE = "guide-service.it.inbox";
    static final WireMockServer memberService = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        memberService.start();
    }

    @DynamicPropertySource
    static void memberServiceAt(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", memberService::baseUrl);
    }

    @AfterAll
    static void stop() {
        memberService.stop();
        Rabbit.deleteInboxQueues(QUEUE);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    Inbox inbox;

    long tenant;
    HttpHeaders manager;

    @BeforeEach
    void freshTenant() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        manager = Http.staff(tenant, 4, "MANAGER");
        memberService.resetAll();
        memberService.stubFor(get(urlEqualTo("/internal/stores/1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":1,\"code\":\"A\",\"name\":\"Store A\",\"latitude\":31.2}")));
        // every member is this tenant's but 9xxxxx (another tenant's)
        memberService.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/internal/members/\\d+")).atPriority(9)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"id\":1}")));
        memberService.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/internal/members/9\\d{5}")).atPriority(8)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"not this tenant's\"}")));
        MemberServiceStub.staffAndCounters(memberService);
    }

    @Test
    void aMemberOfAnotherTenantCannotBeBound() {
        long li = guide("13912350009");
        ResponseEntity<String> foreign = bind(manager, 900_001, li);
        assertThat(foreign.getStatusCode().value()).as(foreign.getBody()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from guide_binding where tenant_id = ?", Integer.class, tenant)).isZero();
    }

    @Test
    void staffBindAMemberAndOtherServicesReadTheGuide() {
        long li = guide("13912350001");
        long wang = guide("13912350002");
        assertThat(internalGuide(31).getStatusCode().value()).isEqualTo(404);
        assertThat(read(internalGuide(31)).path("code").asText()).isEqualTo("GUIDE_NOT_BOUND");
        ResponseEntity<String> bound = bind(manager, 31, li);
        assertThat(bound.getStatusCode().value()).as(bound.getBody()).isEqualTo(200);
        JsonNode guide = read(internalGuide(31));
        assertThat(guide.path("guideId").asLong()).isEqualTo(li);
        assertThat(guide.path("storeId").asLong()).isEqualTo(1);
        assertThat(guide.path("guideName").asText()).isEqualTo("小李");
        // exclusive: rebinding replaces
        bind(manager, 31, wang);
        assertThat(read(internalGuide(31)).path("guideId").asLong()).isEqualTo(wang);
        assertThat(jdbc.queryForObject("select count(*) from guide_binding where tenant_id = ? and member_id = 31", Integer.class, tenant))
                .isEqualTo(1);
        // each change told the others once, in its transaction: who, to whom, from whom, how
        List<JsonNode> told = GuideServiceTestBase.events(jdbc, json, tenant, "GuideBound");
        assertThat(told).hasSize(2);
        assertThat(told.get(1).path("memberId").asLong()).isEqualTo(31);
        assertThat(told.get(1).path("guideId").asLong()).isEqualTo(wang);
        assertThat(told.get(1).path("fromGuideId").asLong()).isEqualTo(li);
        assertThat(told.get(1).path("source").asText()).isEqualTo("STAFF");
        // another tenant neither sees the binding nor can bind to this tenant's guide
        HttpHeaders otherTenant = Http.staff(tenant + 1, 4, "MANAGER");
        assertThat(http.exchange("/admin/v1/guide/members/31/guide", HttpMethod.GET, new HttpEntity<>(otherTenant), String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(bind(otherTenant, 31, li).getStatusCode().value()).isEqualTo(404);
        assertThat(bind(Http.staff(tenant, 5, "CASHIER"), 31, li).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theSurvivorKeepsItsGuideOrInheritsTheAbsorbedMembersAndAnUndoRemovesOnlyTheInheritance() {
        long li = guide("13912350011");
        long wang = guide("13912350012");
        bind(manager, 41, li);   // survivor with its own guide
        bind(manager, 42, wang); // absorbed
        bind(manager, 44, wang); // absorbed into 43, who has none

        long keep = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        String keepEvent = publish("MemberMerged", Map.of("mergeId", keep, "survivorId", 41, "mergedId", 42));
        long inherit = keep + 1;
        String inheritEvent = publish("MemberMerged", Map.of("mergeId", inherit, "survivorId", 43, "mergedId", 44));
        assertThat(Rabbit.eventually(() -> processed(keepEvent) && processed(inheritEvent))).isTrue();
        assertThat(read(internalGuide(41)).path("guideId").asLong()).as("keeps its own").isEqualTo(li);
        assertThat(read(internalGuide(43)).path("guideId").asLong()).as("inherits").isEqualTo(wang);
        assertThat(read(internalGuide(43)).path("source").asText()).isEqualTo("MERGE");
        assertThat(read(internalGuide(44)).path("guideId").asLong()).as("the absorbed member's record is kept").isEqualTo(wang);

        // the same event racing itself: one binding, one merge row
        JsonNode payload = json.valueToTree(Map.of("mergeId", inherit, "survivorId", 43, "mergedId", 44));
        List<Inbox.Outcome> outcomes = race(6, inheritEvent, "member-service.MemberMerged", payload);
        assertThat(outcomes).containsOnly(Inbox.Outcome.DUPLICATE);
        List<Inbox.Outcome> fresh = race(6, UUID.randomUUID().toString(), "member-service.MemberMerged", payload);
        assertThat(fresh).containsOnlyOnce(Inbox.Outcome.APPLIED);
        assertThat(jdbc.queryForObject("select count(*) from guide_merge where tenant_id = ? and merge_id = ?", Integer.class, tenant, inherit))
                .isEqualTo(1);

        String undoKeep = publish("MemberUnmerged", Map.of("mergeId", keep, "survivorId", 41, "mergedId", 42));
        String undoInherit = publish("MemberUnmerged", Map.of("mergeId", inherit, "survivorId", 43, "mergedId", 44));
        assertThat(Rabbit.eventually(() -> processed(undoKeep) && processed(undoInherit))).isTrue();
        assertThat(read(internalGuide(41)).path("guideId").asLong()).isEqualTo(li);
        assertThat(internalGuide(43).getStatusCode().value()).as("inheritance removed").isEqualTo(404);
        assertThat(read(internalGuide(44)).path("guideId").asLong()).isEqualTo(wang);
    }

    @Test
    void aMergeOfTenantAChangesNothingInTenantB() {
        long li = guide("13912350021");
        bind(manager, 52, li);
        long tenantA = tenant;
        tenant = tenantA + 7;
        manager = Http.staff(tenant, 4, "MANAGER");
        long other = guide("13912350021");
        bind(manager, 52, other);
        String before = jdbc.queryForList("select member_id, guide_id, source from guide_binding where tenant_id = ?", tenant).toString();

        long tenantB = tenant;
        tenant = tenantA;
        String event = publish("MemberMerged", Map.of("mergeId", 9, "survivorId", 51, "mergedId", 52));
        assertThat(Rabbit.eventually(() -> processed(event))).isTrue();
        assertThat(jdbc.queryForObject("select guide_id from guide_binding where tenant_id = ? and member_id = 51", Long.class, tenantA))
                .isEqualTo(li);
        assertThat(jdbc.queryForList("select member_id, guide_id, source from guide_binding where tenant_id = ?", tenantB).toString())
                .isEqualTo(before);
    }

    private List<Inbox.Outcome> race(int threads, String messageId, String key, JsonNode payload) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Inbox.Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return inbox.process(new ReceivedEvent(messageId, tenant, key, payload, 1));
            }));
        }
        start.countDown();
        List<Inbox.Outcome> outcomes = new ArrayList<>();
        try {
            for (Future<Inbox.Outcome> future : futures) {
                outcomes.add(future.get());
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdown();
        }
        return outcomes;
    }

    private long guide(String phone) {
        ResponseEntity<String> enrolled = http.exchange("/admin/v1/guide/guides", HttpMethod.POST,
                new HttpEntity<>(Map.of("staffId", Long.parseLong(phone.substring(4)), "storeId", 1, "name", "小李", "phone", phone),
                        Http.write(manager)), String.class);
        assertThat(enrolled.getStatusCode().value()).as(enrolled.getBody()).isEqualTo(201);
        return read(enrolled).path("id").asLong();
    }

    private ResponseEntity<String> bind(HttpHeaders staff, long member, long guideId) {
        return http.exchange("/admin/v1/guide/members/" + member + "/guide", HttpMethod.PUT,
                new HttpEntity<>(Map.of("guideId", guideId), Http.write(staff)), String.class);
    }

    private ResponseEntity<String> internalGuide(long member) {
        HttpHeaders headers = Http.internal(tenant);
        return http.exchange("/internal/guide/members/" + member + "/guide", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private String publish(String type, Map<String, Object> payload) {
        String messageId = UUID.randomUUID().toString();
        Rabbit.publish(rabbit, json, "member-service", type, tenant, messageId, payload);
        return messageId;
    }

    private boolean processed(String messageId) {
        return jdbc.queryForObject("select count(*) from inbox_message where message_id = ?", Integer.class, messageId) == 1;
    }


    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }
}
