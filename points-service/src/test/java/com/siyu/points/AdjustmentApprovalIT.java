package com.siyu.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/** Large manual adjustments need a second person: nothing reaches the ledger until a manager approves. */
@ServiceIT
@TestPropertySource(properties = "siyu.points.adjustment.approval-threshold=1000")
class AdjustmentApprovalIT extends PointsApi {

    @Test
    void aLargeCreditWaitsForAManagerWhoIsNotTheRequester() {
        ResponseEntity<String> small = post("/admin/v1/points/adjustments", map("memberId", 61, "points", 1000, "reason", "gift"), Http.write(operator));
        assertThat(small.getStatusCode().value()).isEqualTo(201);

        ResponseEntity<String> large = post("/admin/v1/points/adjustments", map("memberId", 61, "points", 5000, "reason", "complaint goodwill"),
                Http.write(operator));
        assertThat(large.getStatusCode().value()).as(large.getBody()).isEqualTo(202);
        long request = read(large).path("id").asLong();
        assertThat(read(large).path("status").asText()).isEqualTo("PENDING");
        assertThat(getJson("/admin/v1/points/accounts/61", operator).path("balance").asLong()).isEqualTo(1000);

        HttpHeaders selfApproval = Http.staff(tenant, 7, "MANAGER");
        ResponseEntity<String> self = post("/admin/v1/points/adjustment-requests/" + request + "/approval", map(), Http.write(selfApproval));
        assertThat(self.getStatusCode().value()).isEqualTo(409);
        assertThat(read(self).path("code").asText()).isEqualTo("APPROVER_IS_REQUESTER");
        ResponseEntity<String> byOperator = post("/admin/v1/points/adjustment-requests/" + request + "/approval", map(),
                Http.write(Http.staff(tenant, 8, "OPERATOR")));
        assertThat(byOperator.getStatusCode().value()).isEqualTo(403);

        HttpHeaders manager = Http.staff(tenant, 9, "MANAGER");
        JsonNode approved = ok(post("/admin/v1/points/adjustment-requests/" + request + "/approval", map(), Http.write(manager)));
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("decidedBy").asLong()).isEqualTo(9);
        assertThat(getJson("/admin/v1/points/accounts/61", operator).path("balance").asLong()).isEqualTo(6000);
        JsonNode line = getJson("/admin/v1/points/changes/ADJUSTMENT/adjreq:" + request, operator).path("entry");
        assertThat(line.path("delta").asLong()).isEqualTo(5000);
        assertThat(line.path("reason").asText()).contains("approved by staff 9");

        ResponseEntity<String> twice = post("/admin/v1/points/adjustment-requests/" + request + "/approval", map(), Http.write(manager));
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(getJson("/admin/v1/points/accounts/61", operator).path("balance").asLong()).isEqualTo(6000);
        assertThat(getJson("/admin/v1/points/reconciliation", operator).path("clean").asBoolean()).isTrue();
    }

    @Test
    void aRejectedRequestNeverTouchesTheLedgerAndOtherTenantsCannotDecideIt() {
        ResponseEntity<String> large = post("/admin/v1/points/adjustments", map("memberId", 62, "points", -5000, "reason", "fraud clawback"),
                Http.write(operator));
        long request = read(large).path("id").asLong();
        HttpHeaders otherTenantManager = Http.staff(tenant + 1, 9, "MANAGER");
        assertThat(post("/admin/v1/points/adjustment-requests/" + request + "/approval", map(), Http.write(otherTenantManager))
                .getStatusCode().value()).isEqualTo(404);
        JsonNode rejected = ok(post("/admin/v1/points/adjustment-requests/" + request + "/rejection", map(), Http.write(Http.staff(tenant, 9, "MANAGER"))));
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(getJson("/admin/v1/points/accounts/62", operator).path("recent").size()).isZero();
        assertThat(post("/admin/v1/points/adjustment-requests/" + request + "/approval", map(), Http.write(Http.staff(tenant, 10, "MANAGER")))
                .getStatusCode().value()).isEqualTo(409);
    }
}
