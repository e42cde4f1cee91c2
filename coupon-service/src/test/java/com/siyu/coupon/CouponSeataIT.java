package com.siyu.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.common.test.ServiceIT;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.rm.datasource.DataSourceProxy;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.TestPropertySource;

/**
 * The lock as a Seata AT branch against the real TC on 127.0.0.1:8091: a global transaction begun here,
 * the lock called over HTTP with its XID, then rolled back — the coupon is available again and another
 * payment can lock it.
 */
@ServiceIT
@TestPropertySource(properties = "seata.enabled=true")
class CouponSeataIT extends CouponIT {

    @Autowired
    Environment environment;
    @Autowired
    DataSource dataSource;

    @AfterEach
    void unbind() {
        RootContext.unbind();
    }

    @Test
    void seataIsOnAndTheDataSourceIsTheAtProxy() {
        assertThat(environment.getProperty("seata.enabled")).as("@TestPropertySource wins over @ServiceIT's seata.enabled=false")
                .isEqualTo("true");
        assertThat(dataSource).isInstanceOf(DelegatingDataSource.class);
        assertThat(((DelegatingDataSource) dataSource).getTargetDataSource()).isInstanceOf(DataSourceProxy.class);
    }

    @Test
    void aRolledBackGlobalTransactionLeavesTheCouponAvailableAndLockableByAnotherPayment() throws Exception {
        long templateId = activeTemplate(cash("¥20", 2_000, 10, 1));
        ResponseEntity<String> granted = grant(601, templateId, "CAMPAIGN", "seata-" + templateId);
        long coupon = read(granted).path("id").asLong();
        Map<String, Object> lock = Map.of("memberId", 601, "couponIds", List.of(coupon), "cart", CouponCheckoutIT.cart(10_000));

        GlobalTransaction tx = GlobalTransactionContext.getCurrentOrCreate();
        tx.begin(30_000, "coupon-seata-it");
        String xid = tx.getXid();
        assertThat(xid).isNotBlank();
        HttpHeaders inTransaction = internal();
        inTransaction.set(RootContext.KEY_XID, xid);
        ResponseEntity<String> locked = http.exchange("/internal/coupon/payments/pay-global/lock", HttpMethod.POST,
                new HttpEntity<>(lock, inTransaction), String.class);
        assertThat(locked.getStatusCode().value()).as(locked.getBody()).isEqualTo(200);
        // the branch committed locally: the coupon is LOCKED and an undo log exists for this XID
        assertThat(couponStatus(coupon)).isEqualTo("LOCKED");
        assertThat(jdbc.queryForObject("select count(*) from undo_log where xid = ?", Integer.class, xid)).isPositive();

        // meanwhile another payment cannot take it
        ResponseEntity<String> other = http.exchange("/internal/coupon/payments/pay-other/lock", HttpMethod.POST,
                new HttpEntity<>(lock, internal()), String.class);
        assertThat(other.getStatusCode().value()).isEqualTo(409);
        assertThat(read(other).path("code").asText()).isEqualTo("COUPON_NOT_AVAILABLE");

        tx.rollback();

        long deadline = System.currentTimeMillis() + 15_000;
        while (!"AVAILABLE".equals(couponStatus(coupon)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(couponStatus(coupon)).isEqualTo("AVAILABLE");
        assertThat(jdbc.queryForObject("select lock_payment_id from coupon where id = ?", String.class, coupon)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from coupon_redemption where payment_id = 'pay-global' and tenant_id = ?",
                Integer.class, tenant)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from undo_log where xid = ?", Integer.class, xid)).isZero();

        ResponseEntity<String> next = http.exchange("/internal/coupon/payments/pay-after/lock", HttpMethod.POST,
                new HttpEntity<>(lock, internal()), String.class);
        assertThat(next.getStatusCode().value()).as(next.getBody()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select lock_payment_id from coupon where id = ?", String.class, coupon)).isEqualTo("pay-after");
    }
}
