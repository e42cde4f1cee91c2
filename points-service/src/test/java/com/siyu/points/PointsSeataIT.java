package com.siyu.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.test.ServiceIT;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.rm.datasource.DataSourceProxy;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.TestPropertySource;

/**
 * Points branches inside real Seata AT global transactions: the TC on 127.0.0.1:8091, the real
 * MariaDB, undo through undo_log. The test is the transaction manager, as payment-service would be.
 */
@ServiceIT
@TestPropertySource(properties = "seata.enabled=true")
class PointsSeataIT extends PointsApi {

    @Autowired
    DataSource dataSource;

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    @Test
    void theServiceWritesThroughTheAtProxy() {
        assertThat(dataSource).isInstanceOf(DelegatingDataSource.class);
        assertThat(((DelegatingDataSource) dataSource).getTargetDataSource()).isInstanceOf(DataSourceProxy.class);
    }

    /**
     * The payment's global transaction: points spent across two stores' lots (settlement lines), a
     * reservation, an earning and a confirmation — one points branch per member, as payment-service
     * makes them — then a later branch fails and the transaction manager rolls everything back.
     */
    @Test
    void aGlobalTransactionWhoseLaterBranchFailsLeavesTheLedgerExactlyAsBefore() throws Exception {
        rate(1000);
        ok(earn(7, id("pay"), 10_000, 101L, "2026-01-10T02:00:00Z"));
        ok(earn(7, id("pay"), 20_000, 202L, null));
        ok(earn(9, id("pay"), 5_000, 202L, null));
        String held = id("pay");
        ok(earn(10, id("pay"), 1_000, 101L, null));
        ok(reserve(10, 5, held, 303L));
        String before = ledgerState();

        GlobalTransaction tx = GlobalTransactionContext.getCurrentOrCreate();
        tx.begin(30_000, "points-it-rollback");
        String xid = tx.getXid();
        try {
            HttpHeaders branch = new HttpHeaders();
            branch.putAll(service);
            branch.set(RootContext.KEY_XID, xid);
            JsonNode spent = ok(post("/internal/points/spends", map("memberId", 7, "points", 150, "bizId", id("pay"), "storeId", 303), branch));
            assertThat(spent.path("balanceAfter").asLong()).isEqualTo(150);
            ok(post("/internal/points/earnings", map("memberId", 8, "bizId", id("pay"), "amountFen", 5_000, "storeId", 101), branch));
            ok(post("/internal/points/reservations", map("memberId", 9, "points", 20, "bizId", id("pay"), "storeId", 303), branch));
            ok(post("/internal/points/reservations/" + held + "/confirm", null, branch));
            ResponseEntity<String> later = post("/internal/points/spends", map("memberId", 11, "points", 1, "bizId", id("pay")), branch);
            assertThat(later.getStatusCode().value()).isEqualTo(409);
        } finally {
            tx.rollback();
            RootContext.unbind();
        }
        // the 2.5 client reports Finished when the TC has already ended and removed the session after rolling back
        assertThat(tx.getStatus()).isIn(GlobalStatus.Rollbacked, GlobalStatus.Finished);
        assertThat(ledgerState()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from undo_log where xid = ?", Long.class, xid)).isZero();
        assertReconciled();
    }

    @Test
    void aCommittedGlobalTransactionKeepsTheSpendAndItsSettlementLines() throws Exception {
        rate(1000);
        long member = 8;
        ok(earn(member, id("pay"), 100_000, 101L, null));
        int rounds = 20;
        long began = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            GlobalTransaction tx = GlobalTransactionContext.getCurrentOrCreate();
            tx.begin(30_000, "points-it-commit");
            try {
                HttpHeaders branch = new HttpHeaders();
                branch.putAll(service);
                branch.set(RootContext.KEY_XID, tx.getXid());
                ok(post("/internal/points/spends", map("memberId", member, "points", 10, "bizId", id("pay"), "storeId", 202), branch));
                tx.commit();
            } finally {
                RootContext.unbind();
            }
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        System.out.printf("[measure] %d sequential global transactions (begin, spend branch, commit): %d ms, %.1f ms each%n",
                rounds, millis, millis / (double) rounds);
        assertThat(balance(member)).isEqualTo(1000 - rounds * 10);
        assertThat(jdbc.queryForObject("select sum(points) from points_lot_movement where tenant_id = ? and consuming_store_id = 202",
                Long.class, tenant)).isEqualTo(rounds * 10L);
        assertReconciled();
    }
}
