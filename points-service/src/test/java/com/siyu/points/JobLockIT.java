package com.siyu.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.common.test.ServiceIT;
import com.siyu.points.expiry.domain.ExpiryJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scheduled jobs run once per cluster (issue 10 §5): the points expiry job skips a run while another
 * instance holds its lock in the shared database, and of several instances firing at once only one runs.
 */
@ServiceIT
class JobLockIT extends PointsApi {

    @Autowired
    ExpiryJob job;

    @Test
    void theJobSkipsWhileAnotherInstanceHoldsItsLockAndRunsOnceWhenManyFireTogether() throws Exception {
        policy("expiryMonths", 1, "reminderDays", 7);
        rate(1000);
        long member = 81;
        ok(earn(member, PointsLotsIT.id("pay"), 10_000, 101L, "2025-01-10T10:00:00Z"));   // expired long ago
        assertThat(balanceOf(member)).isEqualTo(100);

        jdbc.update("insert into shedlock (name, lock_until, locked_at, locked_by) values ('points.expiry', utc_timestamp(3) + interval 1 hour, "
                + "utc_timestamp(3), 'other-instance') on duplicate key update lock_until = values(lock_until), locked_by = values(locked_by)");
        job.hourly();
        assertThat(balanceOf(member)).as("another instance holds the lock: this one does nothing").isEqualTo(100);

        // the other instance's lock runs out (ShedLock keeps its rows: it releases by moving lock_until)
        jdbc.update("update shedlock set lock_until = utc_timestamp(3) - interval 1 second where name = 'points.expiry'");
        int instances = 6;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                job.hourly();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        assertThat(balanceOf(member)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from points_journal where tenant_id = ? and member_id = ? and biz_type = 'EXPIRY'",
                Long.class, tenant, member)).isEqualTo(1);
        // the run that took the lock keeps it for lockAtLeastFor: a replica firing right after skips too
        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'points.expiry' and lock_until > utc_timestamp(3)",
                Long.class)).isEqualTo(1);
        jdbc.update("update shedlock set lock_until = utc_timestamp(3) - interval 1 second where name = 'points.expiry'");
    }

    private long balanceOf(long member) {
        Long balance = jdbc.queryForObject("select coalesce(max(balance), 0) from points_account where tenant_id = ? and member_id = ?",
                Long.class, tenant, member);
        return balance == null ? 0 : balance;
    }
}
