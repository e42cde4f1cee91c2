package com.siyu.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every member-service endpoint that takes an id, called by tenant B with tenant A's ids: always 404
 * (never 403, which would confirm the id exists), and tenant A's rows unchanged afterwards.
 */
@ServiceIT
class TenantIsolationIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    long tenantA;
    long tenantB;
    long memberA;
    long storeA;
    long mergeA;
    long mergedA;
    long segmentA;
    long staffA;

    @BeforeEach
    void twoTenants() {
        tenantA = onboard();
        tenantB = onboard();
        HttpHeaders adminA = Http.staff(tenantA, 1, "TENANT_ADMIN");
        memberA = create("/admin/v1/member/members", Map.of("phone", "13300000001"), adminA).path("id").asLong();
        mergedA = create("/admin/v1/member/members", Map.of("phone", "13300000002"), adminA).path("id").asLong();
        storeA = read(http.exchange("/admin/v1/member/stores", HttpMethod.GET, new HttpEntity<>(adminA), String.class)).get(0).path("id").asLong();
        staffA = create("/admin/v1/member/staff", Map.of("username", "guide.a", "displayName", "导购A", "password", "correct-horse-battery",
                "roles", List.of("GUIDE"), "storeId", storeA), adminA).path("id").asLong();
        mergeA = create("/admin/v1/member/merges", Map.of("survivorId", memberA, "mergedId", mergedA, "reason", "same person"), adminA)
                .path("id").asLong();
        segmentA = create("/admin/v1/member/segments", Map.of("name", "all", "rule",
                Map.of("all", List.of(Map.of("field", "visits", "op", "gte", "value", 0)))), adminA).path("id").asLong();
    }

    @Test
    void tenantBGetsNotFoundForEveryIdOfTenantA() {
        HttpHeaders b = Http.staff(tenantB, 1, "TENANT_ADMIN");
        List<Object[]> calls = List.of(
                new Object[] {HttpMethod.GET, "/admin/v1/member/members/" + memberA, null},
                new Object[] {HttpMethod.GET, "/admin/v1/member/members/" + memberA + "/identities", null},
                new Object[] {HttpMethod.GET, "/admin/v1/member/members/" + memberA + "/merges", null},
                new Object[] {HttpMethod.GET, "/admin/v1/member/members/" + memberA + "/profile", null},
                new Object[] {HttpMethod.POST, "/admin/v1/member/members/" + memberA + "/identities", Map.of("kind", "MEMBER_CARD", "value", "x-1")},
                new Object[] {HttpMethod.POST, "/admin/v1/member/members/" + memberA + "/tags", Map.of("name", "stolen")},
                new Object[] {HttpMethod.GET, "/admin/v1/member/stores/" + storeA, null},
                new Object[] {HttpMethod.POST, "/admin/v1/member/stores/" + storeA + "/merchants",
                        Map.of("code", "X", "brand", "X", "category", "x", "cashierQrId", "qr-" + UUID.randomUUID())},
                new Object[] {HttpMethod.POST, "/admin/v1/member/merges/" + mergeA + "/undo", Map.of()},
                new Object[] {HttpMethod.POST, "/admin/v1/member/merges", Map.of("survivorId", memberA, "mergedId", memberA + 1, "reason", "x")},
                new Object[] {HttpMethod.GET, "/admin/v1/member/segments/" + segmentA, null},
                new Object[] {HttpMethod.GET, "/admin/v1/member/segments/" + segmentA + "/members", null},
                new Object[] {HttpMethod.GET, "/internal/members/" + memberA, null},
                new Object[] {HttpMethod.GET, "/internal/stores/" + storeA, null},
                new Object[] {HttpMethod.GET, "/internal/staff/" + staffA, null},
                new Object[] {HttpMethod.POST, "/internal/members/" + memberA + "/growth", Map.of("bizId", "steal", "spendFen", 100)});
        for (Object[] call : calls) {
            HttpMethod method = (HttpMethod) call[0];
            // tenant B's staff, or tenant B's services for /internal (a service token acting for tenant B)
            HttpHeaders caller = ((String) call[1]).startsWith("/internal/") ? Http.internal(tenantB) : b;
            HttpEntity<Object> request = new HttpEntity<>(call[2], method == HttpMethod.GET ? caller : Http.write(caller));
            ResponseEntity<String> response = http.exchange((String) call[1], method, request, String.class);
            assertThat(response.getStatusCode().value()).as(method + " " + call[1] + " → " + response.getBody()).isEqualTo(404);
        }
        assertThat(jdbc.queryForObject("select count(*) from member_identity where member_id = ? and kind = 'MEMBER_CARD'", Integer.class, memberA)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from member_tag where member_id = ?", Integer.class, memberA)).isZero();
        assertThat(jdbc.queryForObject("select growth from member where id = ?", Long.class, memberA)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from member_merge where id = ? and undone_at is null", Integer.class, mergeA)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from merchant where store_id = ?", Integer.class, storeA)).isZero();
        // and lists show nothing of A
        JsonNode stores = read(http.exchange("/admin/v1/member/stores", HttpMethod.GET, new HttpEntity<>(b), String.class));
        assertThat(stores.findValues("id").stream().map(JsonNode::asLong).toList()).doesNotContain(storeA);
        JsonNode staff = read(http.exchange("/admin/v1/member/staff", HttpMethod.GET, new HttpEntity<>(b), String.class));
        assertThat(staff.size()).isEqualTo(1);
    }

    @Test
    void guideServiceReadsAStaffAccountOfItsTenantWithRolesAndStore() {
        JsonNode staff = read(http.exchange("/internal/staff/" + staffA, HttpMethod.GET, new HttpEntity<>(Http.internal(tenantA)), String.class));
        assertThat(staff.path("roles").get(0).asText()).isEqualTo("GUIDE");
        assertThat(staff.path("storeId").asLong()).isEqualTo(storeA);
        assertThat(staff.has("passwordHash")).isFalse();
    }

    @Test
    void aListOfMembersIsAnsweredWithTheCallersActiveMembersOnly() {
        Map<String, Object> ids = Map.of("ids", List.of(memberA, mergedA, 999_999_999L));
        assertThat(known(tenantA, ids)).containsExactly(memberA);
        assertThat(known(tenantB, ids)).isEmpty();
        ResponseEntity<String> tooMany = http.exchange("/internal/members/known", HttpMethod.POST, new HttpEntity<>(
                Map.of("ids", java.util.stream.LongStream.rangeClosed(1, 5001).boxed().toList()), Http.write(Http.internal(tenantA))), String.class);
        assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
    }

    private List<Long> known(long tenant, Map<String, Object> ids) {
        ResponseEntity<String> response = http.exchange("/internal/members/known", HttpMethod.POST,
                new HttpEntity<>(ids, Http.write(Http.internal(tenant))), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(read(response).path("active").spliterator(), false).map(JsonNode::asLong).toList();
    }

    private long onboard() {
        String code = "iso-" + UUID.randomUUID().toString().substring(0, 8);
        return create("/internal/platform/tenants", Map.of("code", code, "name", "Mall " + code,
                "stores", List.of(Map.of("code", "A", "name", "Store A")),
                "admin", Map.of("username", "admin", "displayName", "Admin", "password", "correct-horse-battery")), Http.platform()).path("id").asLong();
    }

    private JsonNode create(String path, Object body, HttpHeaders headers) {
        ResponseEntity<String> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, Http.write(headers)), String.class);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(201);
        return read(response);
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }
}
