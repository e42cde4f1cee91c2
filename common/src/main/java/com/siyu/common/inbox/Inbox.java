package com.siyu.common.inbox;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a delivered event at most once per service, although the broker delivers at least once.
 *
 * <p>One local transaction on the service's own DataSource: insert the message id into {@code inbox_message}
 * (primary key), then run the {@link EventConsumer} for the event's key as the event's tenant, then commit
 * both. A redelivery finds the row and changes nothing. Two deliveries racing each other: the second insert
 * waits on the first's key lock; if the first commits it gets a duplicate key (nothing done), if the first
 * rolls back it goes ahead. So the dedupe row and the effect always commit together or not at all.
 *
 * <p>{@code inbox_message} is written with plain JDBC (the MyBatis-Plus tenant line does not apply; the row
 * carries the tenant explicitly), like the outbox. A service consuming events owns the table in its
 * migrations: {@code message_id VARCHAR(64) PRIMARY KEY, tenant_id, event_key, received_at}.
 */
public class Inbox {

    public enum Outcome { APPLIED, DUPLICATE }

    private final Map<String, EventConsumer> consumers = new HashMap<>();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Inbox(List<EventConsumer> consumers, JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        for (EventConsumer consumer : consumers) {
            for (String key : consumer.routingKeys()) {
                EventConsumer other = this.consumers.putIfAbsent(key, consumer);
                if (other != null) {
                    throw new IllegalStateException("Two consumers for " + key + ": " + other.getClass().getName()
                            + " and " + consumer.getClass().getName());
                }
            }
        }
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The routing keys bound to the service's queue. */
    public java.util.Set<String> keys() {
        return java.util.Set.copyOf(consumers.keySet());
    }

    /**
     * Applies the event once. Throws what the consumer threw (nothing is committed then), or
     * {@link MalformedEvent} when no consumer handles the key.
     */
    public Outcome process(ReceivedEvent event) {
        EventConsumer consumer = consumers.get(event.key());
        if (consumer == null) {
            throw new MalformedEvent("No consumer for " + event.key() + " (message " + event.messageId() + ")");
        }
        return CallerContext.callAs(Caller.system(event.tenantId()), () -> transactions.execute(status -> {
            try {
                jdbc.update("insert into inbox_message (message_id, tenant_id, event_key, received_at) values (?, ?, ?, ?)",
                        event.messageId(), event.tenantId(), event.key(),
                        Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
            } catch (DuplicateKeyException seen) {
                // applied before (or by a concurrent delivery that has just committed): nothing to do
                status.setRollbackOnly();
                return Outcome.DUPLICATE;
            }
            consumer.consume(event);
            return Outcome.APPLIED;
        }));
    }
}
