package com.siyu.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

@ServiceIT
class MemberServiceIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    long tenantA;
    long tenantB;
    String codeA;

    @BeforeEach
    void onboardTwoTenants() {
        codeA = "it-" + UUID.randomUUID().toString().substring(0, 8);
        tenantA = onboard(codeA).path("id").asLong();
        tenantB = onboard("it-" + UUID.randomUUID().toString().substring(0, 8)).path("id").asLong();
    }

    @Test
    void onboardingCreatesStoresAndAnAdminWhoCanSignIn() throws Exception {
        ResponseEntity<String> session = signIn(codeA, "admin", "correct-horse-battery");
        assertThat(session.getStatusCode().value()).isEqualTo(201);
        String token = json.readTree(session.getBody()).path("accessToken").asText();

        JWKSet keys = JWKSet.parse(http.getForObject("/internal/jwks", String.class));
        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getLongClaim("tid")).isEqualTo(tenantA);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("typ")).isEqualTo("staff");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("TENANT_ADMIN");

        JsonNode stores = get("/admin/v1/member/stores", Http.staff(tenantA, 1, "OPERATOR"));
        assertThat(stores.findValuesAsText("code")).containsExactly("A", "B");
    }

    @Test
    void signingKeysRotateWithoutInvalidatingIssuedTokens() throws Exception {
        String before = json.readTree(signIn(codeA, "admin", "correct-horse-battery").getBody()).path("accessToken").asText();
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
        ResponseEntity<String> rotated = http.postForEntity("/internal/platform/signing-keys", new HttpEntity<>(Map.of(), Http.platform()), String.class);
        assertThat(rotated.getStatusCode().value()).isEqualTo(201);
        String newKid = json.readTree(rotated.getBody()).path("kid").asText();
        String after = json.readTree(signIn(codeA, "admin", "correct-horse-battery").getBody()).path("accessToken").asText();
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid).isNotEqualTo(oldKid);

        JWKSet published = JWKSet.parse(http.getForObject("/internal/jwks", String.class));
        RSAKey old = (RSAKey) published.getKeyByKeyId(oldKid);
        assertThat(SignedJWT.parse(before).verify(new RSASSAVerifier(old.toRSAPublicKey()))).isTrue();

        assertThat(http.exchange("/internal/platform/signing-keys/" + newKid, HttpMethod.DELETE, new HttpEntity<>(Http.platform()), String.class)
                .getStatusCode().value()).isEqualTo(409);
        assertThat(http.exchange("/internal/platform/signing-keys/" + oldKid, HttpMethod.DELETE, new HttpEntity<>(Http.platform()), String.class)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(JWKSet.parse(http.getForObject("/internal/jwks", String.class)).getKeyByKeyId(oldKid)).isNull();
    }

    @Test
    void aDuplicateTenantCodeIsAClearConflict() {
        ResponseEntity<String> again = http.postForEntity("/internal/platform/tenants", new HttpEntity<>(tenantBody(codeA), Http.platform()), String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("TENANT_CODE_TAKEN");
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() {
        for (int i = 0; i < 5; i++) {
            ResponseEntity<String> wrong = signIn(codeA, "admin", "wrong-password-" + i);
            assertThat(wrong.getStatusCode().value()).isEqualTo(401);
            assertThat(wrong.getBody()).contains("BAD_CREDENTIALS");
        }
        ResponseEntity<String> locked = signIn(codeA, "admin", "correct-horse-battery");
        assertThat(locked.getStatusCode().value()).isEqualTo(423);
        assertThat(locked.getBody()).contains("STAFF_ACCOUNT_LOCKED").doesNotContain("accessToken");
    }

    @Test
    void unknownTenantOrUserGiveTheSameAnswer() {
        ResponseEntity<String> noTenant = signIn("no-such-tenant", "admin", "correct-horse-battery");
        ResponseEntity<String> noUser = signIn(codeA, "nobody", "correct-horse-battery");
        assertThat(noTenant.getStatusCode().value()).isEqualTo(401);
        assertThat(noUser.getStatusCode().value()).isEqualTo(401);
        assertThat(code(noTenant)).isEqualTo(code(noUser)).isEqualTo("BAD_CREDENTIALS");
    }

    @Test
    void theSamePhoneRegisteredConcurrentlyIsOneMember() throws Exception {
        String phone = "139" + String.format("%08d", (int) (Math.random() * 1e8));
        HttpHeaders staff = Http.staff(tenantA, 1, "CASHIER");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<ResponseEntity<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            calls.add(pool.submit(() -> http.exchange("/admin/v1/member/members", HttpMethod.POST,
                    new HttpEntity<>(Map.of("phone", phone), Http.write(staff)), String.class)));
        }
        Set<Long> ids = new java.util.HashSet<>();
        int created = 0;
        for (Future<ResponseEntity<String>> call : calls) {
            ResponseEntity<String> response = call.get();
            assertThat(response.getStatusCode().value()).isIn(200, 201);
            created += response.getStatusCode().value() == 201 ? 1 : 0;
            ids.add(json.readTree(response.getBody()).path("id").asLong());
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        assertThat(ids).hasSize(1);
        JsonNode member = get("/admin/v1/member/members/" + ids.iterator().next(), staff);
        assertThat(member.path("phone").asText()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
    }

    @Test
    void anotherTenantsIdsAreNotFound() {
        HttpHeaders staffA = Http.staff(tenantA, 1, "TENANT_ADMIN");
        HttpHeaders staffB = Http.staff(tenantB, 1, "TENANT_ADMIN");
        long memberOfA = json(http.exchange("/admin/v1/member/members", HttpMethod.POST,
                new HttpEntity<>(Map.of("phone", "13700000001"), Http.write(staffA)), String.class)).path("id").asLong();
        long storeOfA = get("/admin/v1/member/stores", staffA).get(0).path("id").asLong();

        assertThat(status("/admin/v1/member/members/" + memberOfA, staffB)).isEqualTo(404);
        assertThat(status("/internal/members/" + memberOfA, Http.internal(tenantB))).isEqualTo(404);
        assertThat(status("/admin/v1/member/stores/" + storeOfA, staffB)).isEqualTo(404);
        assertThat(status("/internal/stores/" + storeOfA, Http.internal(tenantB))).isEqualTo(404);
        assertThat(get("/admin/v1/member/stores", staffB).findValues("id").stream().map(JsonNode::asLong).toList()).doesNotContain(storeOfA);
        // the same phone in tenant B is a different member
        ResponseEntity<String> inB = http.exchange("/admin/v1/member/members", HttpMethod.POST,
                new HttpEntity<>(Map.of("phone", "13700000001"), Http.write(staffB)), String.class);
        assertThat(inB.getStatusCode().value()).isEqualTo(201);
        assertThat(json(inB).path("id").asLong()).isNotEqualTo(memberOfA);

        // removing a tag the tenant does not have is a 404 and never creates it
        ResponseEntity<String> untagUnknown = http.exchange("/admin/v1/member/members/" + memberOfA + "/tags/no-such-tag", HttpMethod.DELETE,
                new HttpEntity<>(Http.write(staffA)), String.class);
        assertThat(untagUnknown.getStatusCode().value()).as(untagUnknown.getBody()).isEqualTo(404);
        assertThat(jdbcTemplate.queryForObject("select count(*) from tag where tenant_id = ? and name = 'no-such-tag'",
                Integer.class, tenantA)).isZero();
    }

    @Test
    void withoutATenantNothingIsRead() {
        ResponseEntity<String> anonymous = http.exchange("/internal/members/1", HttpMethod.GET, new HttpEntity<>(Http.json()), String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(code(anonymous)).isEqualTo("TOKEN_REQUIRED");
        // a service token acting for no tenant reaches no tenant's data
        ResponseEntity<String> response = http.exchange("/internal/members/1", HttpMethod.GET,
                new HttpEntity<>(Http.bearer(com.siyu.common.test.TestTokens.service(null))), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("TENANT_REQUIRED");
    }

    @Test
    void staffEndpointsCheckRoles() {
        ResponseEntity<String> guideCreatesStore = http.exchange("/admin/v1/member/stores", HttpMethod.POST,
                new HttpEntity<>(Map.of("code", "C", "name", "Store C"), Http.write(Http.staff(tenantA, 1, "GUIDE"))), String.class);
        assertThat(guideCreatesStore.getStatusCode().value()).isEqualTo(403);
        assertThat(code(guideCreatesStore)).isEqualTo("ROLE_REQUIRED");
        ResponseEntity<String> memberReadsStores = http.exchange("/admin/v1/member/stores", HttpMethod.GET,
                new HttpEntity<>(Http.member(tenantA, 5)), String.class);
        assertThat(memberReadsStores.getStatusCode().value()).isEqualTo(403);
        assertThat(code(memberReadsStores)).isEqualTo("CALLER_NOT_ALLOWED");
    }

    @Test
    void badInputIsAProblemWithFieldErrors() {
        HttpHeaders staff = Http.staff(tenantA, 1, "TENANT_ADMIN");
        ResponseEntity<String> unknown = http.exchange("/admin/v1/member/members", HttpMethod.POST,
                new HttpEntity<>(Map.of("phone", "13700000002", "favouriteColour", "red"), Http.write(staff)), String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(json(unknown).path("detail").asText()).contains("favouriteColour");
        assertThat(unknown.getHeaders().getContentType().toString()).contains("application/problem+json");

        ResponseEntity<String> tooLong = http.exchange("/admin/v1/member/stores", HttpMethod.POST,
                new HttpEntity<>(Map.of("code", "X", "name", "n".repeat(101)), Http.write(staff)), String.class);
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(json(tooLong).path("errors").findValuesAsText("field")).containsExactly("name");

        ResponseEntity<String> missing = http.postForEntity("/internal/platform/tenants",
                new HttpEntity<>(Map.of("code", "x-missing"), Http.platform()), String.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(json(missing).path("errors").findValuesAsText("field")).contains("name", "stores", "admin");

        ResponseEntity<String> badPhone = http.exchange("/admin/v1/member/members", HttpMethod.POST,
                new HttpEntity<>(Map.of("phone", "23800138000"), Http.write(staff)), String.class);
        assertThat(badPhone.getStatusCode().value()).isEqualTo(400);
        assertThat(code(badPhone)).isEqualTo("INVALID_PHONE");
    }

    private JsonNode onboard(String code) {
        ResponseEntity<String> created = http.postForEntity("/internal/platform/tenants", new HttpEntity<>(tenantBody(code), Http.platform()), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return json(created);
    }

    private static Map<String, Object> tenantBody(String code) {
        return Map.of("code", code, "name", "Mall " + code,
                "stores", List.of(Map.of("code", "A", "name", "Store A"), Map.of("code", "B", "name", "Store B")),
                "admin", Map.of("username", "admin", "displayName", "Admin", "password", "correct-horse-battery"));
    }

    private ResponseEntity<String> signIn(String tenantCode, String username, String password) {
        return http.postForEntity("/api/v1/member/staff-sessions",
                new HttpEntity<>(Map.of("tenantCode", tenantCode, "username", username, "password", password), Http.json()), String.class);
    }

    private JsonNode get(String path, HttpHeaders headers) {
        ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    private int status(String path, HttpHeaders headers) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode().value();
    }

    private String code(ResponseEntity<String> response) {
        return json(response).path("code").asText();
    }

    private JsonNode json(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
