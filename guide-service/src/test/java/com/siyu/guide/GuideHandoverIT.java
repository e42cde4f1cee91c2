package com.siyu.guide;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import com.siyu.guide.handover.domain.HandoverRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** A leaving guide's members handed over: by rule (counter, then store), balanced, resumable, replay-safe. */
@ServiceIT
class GuideHandoverIT extends GuideServiceTestBase {

    @Autowired
    HandoverRepository repository;

    long tenant;
    HttpHeaders admin;

    @BeforeEach
    void freshTenant() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        admin = Http.staff(tenant, 1, "TENANT_ADMIN");
        memberService.resetAll();
        memberService.stubFor(get(urlEqualTo("/internal/stores/1")).willReturn(okJson("{\"id\":1,\"code\":\"A\",\"name\":\"Store A\"}")));
        memberService.stubFor(get(urlEqualTo("/internal/stores/2")).willReturn(okJson("{\"id\":2,\"code\":\"B\",\"name\":\"Store B\"}")));
        memberService.stubFor(get(urlPathMatching("/internal/members/\\d+")).willReturn(okJson("{\"id\":1}")));
        MemberServiceStub.staffAndCounters(memberService);
    }

    @Test
    void tenThousandMembersGoToTheCountersGuidesBalancedAndAReplayMovesNothingTwice() throws Exception {
        long leaver = guide(11, 1, 501L);
        long a = guide(12, 1, 501L);
        long b = guide(13, 1, 501L);
        long c = guide(14, 1, null);
        long base = ThreadLocalRandom.current().nextLong(1, 1_000_000) * 100_000;
        bindMany(leaver, base, 10_000);
        bindMany(a, base + 20_000, 100);

        long started = System.nanoTime();
        ResponseEntity<String> accepted = handover(leaver, Map.of("status", "LEFT", "reason", "resigned"));
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(202);
        long id = read(accepted).path("id").asLong();
        JsonNode done = awaitDone(id);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("HANDOVER %d members in %.2f s: %.0f members/s%n", 10_000, seconds, 10_000 / seconds);

        assertThat(done.path("moved").asInt()).isEqualTo(10_000);
        assertThat(done.path("skipped").asInt()).isZero();
        // the counter's two other guides, evened out: a had 100 already; c (same store, no counter) gets none
        assertThat(count(leaver)).isZero();
        assertThat(count(a)).isEqualTo(5_050);
        assertThat(count(b)).isEqualTo(5_050);
        assertThat(count(c)).isZero();
        assertThat(done.path("received").path(Long.toString(a)).asLong()).isEqualTo(4_950);
        assertThat(history("HANDOVER")).isEqualTo(10_000);
        // one MembersHandedOver per 500-member chunk, naming every member once with their new guide
        List<JsonNode> handedOver = events(tenant, "MembersHandedOver");
        assertThat(handedOver).hasSize(20).allMatch(e -> e.path("handoverId").asLong() == id && e.path("fromGuideId").asLong() == leaver);
        assertThat(handedOver.stream().flatMap(e -> java.util.stream.StreamSupport.stream(e.path("members").spliterator(), false))
                .filter(m -> m.path("guideId").asLong() == a).map(m -> m.path("memberId").asLong()).distinct().count()).isEqualTo(4_950);
        assertThat(read(http.exchange("/admin/v1/guide/guides/" + leaver, HttpMethod.GET, new HttpEntity<>(admin), String.class))
                .path("status").asText()).isEqualTo("LEFT");

        // the runner "forgot" its progress (as a crash would leave it at worst): resumed, it moves nothing twice
        jdbc.update("update guide_handover set status = 'RUNNING', cursor_pos = 0, moved = 0, skipped = 0, finished_at = null,"
                + " heartbeat_at = '2020-01-01 00:00:00' where id = ?", id);
        jdbc.update("update guide_handover_entry set outcome = null where handover_id = ?", id);
        ResponseEntity<String> resumed = http.exchange("/admin/v1/guide/handovers/" + id + "/resume", HttpMethod.POST,
                new HttpEntity<>(null, Http.write(admin)), String.class);
        assertThat(resumed.getStatusCode().value()).as(resumed.getBody()).isEqualTo(202);
        JsonNode replayed = awaitDone(id);
        assertThat(replayed.path("moved").asInt()).isZero();
        assertThat(replayed.path("skipped").asInt()).isEqualTo(10_000);
        assertThat(count(a)).isEqualTo(5_050);
        assertThat(count(b)).isEqualTo(5_050);
        assertThat(history("HANDOVER")).isEqualTo(10_000);
        assertThat(events(tenant, "MembersHandedOver")).hasSize(20);

        // a left guide takes no new member
        String code = read(http.exchange("/admin/v1/guide/me/code", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 11, "GUIDE")),
                String.class)).path("code").asText();
        assertThat(code).isEqualTo("GUIDE_NOT_ACTIVE");
    }

    @Test
    void membersBoundElsewhereMeanwhileAreSkippedAndAnExplicitListIsBalancedAcrossStores() {
        long leaver = guide(21, 1, null);
        long other = guide(22, 1, null);
        long far = guide(23, 2, null);
        long base = ThreadLocalRandom.current().nextLong(1, 1_000_000) * 100_000;
        bindMany(leaver, base, 4);
        // a handover created, then a shopper's touch takes member base+1 to another guide before its chunk runs
        CallerContext.runAs(Caller.system(tenant), () -> {
            long id = repository.create(leaver, "MOVED", "LIST", null, 1L, List.of(base, base + 1, base + 2, base + 3),
                    List.of(other, far, other, far), Instant.now());
            jdbc.update("update guide_binding set guide_id = ? where tenant_id = ? and member_id = ?", other, tenant, base + 1);
            assertThat(repository.applyChunk(id, 0, 4, "test", Instant.now())).extracting(HandoverRepository.Moved::memberId)
                    .containsExactly(base, base + 2, base + 3);
            assertThat(jdbc.queryForList("select outcome from guide_handover_entry where handover_id = ? order by position", String.class, id))
                    .containsExactly("MOVED", "SKIPPED", "MOVED", "MOVED");
            // the same chunk again (a second runner, or a replay): refused whole, nothing applied twice
            try {
                repository.applyChunk(id, 0, 4, "test", Instant.now());
                throw new AssertionError("a chunk below the cursor was applied again");
            } catch (org.springframework.dao.OptimisticLockingFailureException expected) {
                // the cursor had moved on
            }
        });
        assertThat(count(far)).isEqualTo(1);
        assertThat(count(other)).isEqualTo(3);
        assertThat(history("HANDOVER")).isEqualTo(3);

        // an explicit list spans stores; the leaver itself or a guide that is not active cannot be in it
        long next = guide(24, 1, null);
        bindMany(next, base + 10, 6);
        assertThat(read(handover(next, Map.of("status", "LEFT", "toGuideIds", List.of(next, far)))).path("code").asText())
                .isEqualTo("SUCCESSOR_NOT_ACTIVE");
        jdbc.update("update guide set status = 'LEFT' where id = ?", leaver);
        assertThat(read(handover(next, Map.of("status", "LEFT", "toGuideIds", List.of(leaver)))).path("code").asText())
                .isEqualTo("SUCCESSOR_NOT_ACTIVE");
        assertThat(read(handover(next, Map.of("status", "LEFT", "toGuideIds", List.of(999_999)))).path("code").asText())
                .isEqualTo("UNKNOWN_GUIDE");
        long id = read(handover(next, Map.of("status", "LEFT", "toGuideIds", List.of(other, far)))).path("id").asLong();
        awaitDone(id);
        // other had 3, far 1: six more even them out at 5 each
        assertThat(count(other)).isEqualTo(5);
        assertThat(count(far)).isEqualTo(5);
    }

    @Test
    void withNobodyLeftInTheStoreTheHandoverIsRefusedAndNothingChanges() {
        long alone = guide(31, 2, null);
        bindMany(alone, ThreadLocalRandom.current().nextLong(1, 1_000_000) * 100_000, 3);
        ResponseEntity<String> refused = handover(alone, Map.of("status", "LEFT"));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(read(refused).path("code").asText()).isEqualTo("NO_SUCCESSOR");
        assertThat(count(alone)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select status from guide where id = ?", String.class, alone)).isEqualTo("ACTIVE");
        assertThat(handover(alone, Map.of("status", "ACTIVE")).getStatusCode().value()).isEqualTo(400);
        assertThat(http.exchange("/admin/v1/guide/guides/" + alone + "/handovers", HttpMethod.POST,
                new HttpEntity<>(Map.of("status", "LEFT"), Http.write(Http.staff(tenant, 31, "GUIDE"))), String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.exchange("/admin/v1/guide/guides/" + alone + "/handovers", HttpMethod.POST,
                new HttpEntity<>(Map.of("status", "LEFT"), Http.write(Http.staff(tenant + 1, 1, "TENANT_ADMIN"))), String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    private void bindMany(long guideId, long firstMember, int members) {
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < members; i++) {
            rows.add(new Object[] {tenant, firstMember + i, guideId, "CODE", now});
        }
        jdbc.batchUpdate("insert into guide_binding (tenant_id, member_id, guide_id, source, bound_at) values (?, ?, ?, ?, ?)", rows);
    }

    private int count(long guideId) {
        return jdbc.queryForObject("select count(*) from guide_binding where tenant_id = ? and guide_id = ?", Integer.class, tenant, guideId);
    }

    private int history(String source) {
        return jdbc.queryForObject("select count(*) from guide_binding_history where tenant_id = ? and source = ?", Integer.class, tenant, source);
    }

    private JsonNode awaitDone(long id) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            JsonNode handover = read(http.exchange("/admin/v1/guide/handovers/" + id, HttpMethod.GET, new HttpEntity<>(admin), String.class));
            if (handover.path("status").asText().equals("DONE")) {
                return handover;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("handover " + id + " not done: " + handover);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private long guide(long staffId, long storeId, Long merchantId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("staffId", staffId, "storeId", storeId, "name", "导购" + staffId,
                "phone", "139" + String.format("%08d", staffId)));
        if (merchantId != null) {
            body.put("merchantId", merchantId);
        }
        ResponseEntity<String> enrolled = http.exchange("/admin/v1/guide/guides", HttpMethod.POST, new HttpEntity<>(body, Http.write(admin)),
                String.class);
        assertThat(enrolled.getStatusCode().value()).as(enrolled.getBody()).isEqualTo(201);
        return read(enrolled).path("id").asLong();
    }

    private ResponseEntity<String> handover(long guideId, Map<String, Object> body) {
        return http.exchange("/admin/v1/guide/guides/" + guideId + "/handovers", HttpMethod.POST, new HttpEntity<>(body, Http.write(admin)),
                String.class);
    }
}
