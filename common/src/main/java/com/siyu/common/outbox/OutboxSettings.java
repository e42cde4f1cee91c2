package com.siyu.common.outbox;

import java.time.Duration;

/**
 * How the relay runs (bound from {@code siyu.outbox.*}).
 *
 * @param exchange        the durable topic exchange events go to
 * @param batchSize       rows locked and published per transaction
 * @param confirmTimeout  how long to wait for the broker's confirms of one batch
 * @param statementTimeout query timeout of the relay's SQL statements
 * @param atClockMargin   events created this close before the oldest unfinished Seata AT branch wait for it too
 */
public record OutboxSettings(String exchange, int batchSize, Duration confirmTimeout, Duration statementTimeout,
        Duration atClockMargin) {
}
