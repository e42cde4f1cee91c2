package com.siyu.common.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the service's {@code outbox_event} rows to the topic exchange {@code siyu.events}, at least
 * once, and marks each row published only after the broker confirmed it.
 *
 * <p>Each tick is one short local transaction (READ COMMITTED) on the service's raw connection pool:
 * lock a batch of unpublished rows with {@code FOR UPDATE SKIP LOCKED} (so several instances of a
 * service split the work instead of publishing the same rows), publish them with publisher confirms,
 * set {@code published_at} on the confirmed ones, commit. A crash between the confirm and the commit
 * publishes the row again on the next tick: consumers dedupe on the message id (the event id).
 *
 * <p><b>Cross-tenant by design.</b> {@code outbox_event} rows carry {@code tenant_id}, but the relay is
 * infrastructure that serves all tenants; it uses plain JDBC, to which the MyBatis-Plus tenant line does
 * not apply. This is the named exemption; the tenant travels as the {@code tenantId} message header.
 *
 * <p><b>Seata AT.</b> The relay never joins a global transaction (no XID on the scheduler thread, no
 * {@code @GlobalTransactional}) and uses the raw pool, so it creates no AT branch and does not need the
 * TC. But an AT branch commits its local transaction in phase 1, so an outbox row written inside a global
 * transaction is visible before the global outcome is known; publishing it would announce something a
 * rollback then deletes, and touching the row would make Seata's undo fail its after-image check. So
 * while this database holds undo_log rows (AT branches not yet finished), only events created before
 * the oldest of them (less a margin for clock skew) are relayed; the rest wait for phase 2. An undo_log
 * row older than {@link #ABANDONED_AFTER} stops holding events back: our global transactions time out
 * in seconds, so such a row was left by a TC that died during phase 2 (Seata cleans it up when it comes
 * back); without this bound one orphaned row would stop every later event of the service for good.
 */
public class OutboxRelay implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Far beyond any global transaction's timeout (15 s for payments, Seata's default 60 s). */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private static final String SELECT_BATCH = """
            select id, tenant_id, event_id, type, payload, created_at from outbox_event
            where published_at is null order by id limit ? for update skip locked""";
    private static final String MARK_PUBLISHED = "update outbox_event set published_at = ? where id = ? and published_at is null";
    private static final String TABLE_EXISTS = """
            select count(*) from information_schema.tables where table_schema = database() and table_name = ?""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RabbitTemplate rabbit;
    private final AmqpAdmin admin;
    private final OutboxSettings settings;
    private final String application;
    private final Clock clock;

    private final Counter unrouted;
    private final MeterRegistry meters;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();

    private volatile Boolean active;
    private volatile boolean seataUndoLog;
    private volatile boolean exchangeDeclared;

    public OutboxRelay(DataSource dataSource, RabbitTemplate rabbit, AmqpAdmin admin, OutboxSettings settings,
            String application, Clock clock, MeterRegistry meters) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout((int) Math.max(1, settings.statementTimeout().toSeconds()));
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.rabbit = rabbit;
        this.admin = admin;
        this.settings = settings;
        this.application = application;
        this.clock = clock;
        this.meters = meters;
        this.unrouted = Counter.builder("siyu.outbox.unrouted")
                .description("Events the broker confirmed but no queue was bound for (returned as unroutable)")
                .register(meters);
        meters.gauge("siyu.outbox.consecutive.failures", consecutiveFailures);
    }

    /** Checks at start-up whether this service has an outbox at all; a service without one is unaffected. */
    @Override
    public void afterSingletonsInstantiated() {
        active();
    }

    boolean active() {
        Boolean known = active;
        if (known == null) {
            try {
                known = tableExists("outbox_event");
                seataUndoLog = known && tableExists("undo_log");
                active = known;
                if (known) {
                    log.info("Outbox relay on: outbox_event rows are published to exchange '{}' as '{}.<type>'",
                            settings.exchange(), application);
                } else {
                    log.info("Outbox relay off: this service has no outbox_event table");
                }
            } catch (RuntimeException e) {
                log.warn("Outbox relay cannot check for the outbox_event table yet: {}", e.toString());
                return false;
            }
        }
        return known;
    }

    private boolean tableExists(String table) {
        Integer count = jdbc.queryForObject(TABLE_EXISTS, Integer.class, table);
        return count != null && count > 0;
    }

    @Scheduled(fixedDelayString = "${siyu.outbox.interval:PT1S}", initialDelayString = "${siyu.outbox.initial-delay:PT5S}")
    public void relay() {
        if (!active()) {
            return;
        }
        try {
            // drain a backlog a few batches per tick, then let the other scheduled jobs run
            for (int i = 0; i < 10 && relayBatch() >= settings.batchSize(); i++) {
                // next batch
            }
            consecutiveFailures.set(0);
        } catch (AmqpException e) {
            exchangeDeclared = false;
            failed("broker", e);
        } catch (DataAccessException e) {
            failed("database", e);
        } catch (RuntimeException e) {
            failed("other", e);
        }
    }

    private void failed(String reason, RuntimeException e) {
        failures(reason).increment();
        int inARow = consecutiveFailures.incrementAndGet();
        // one warning when it starts and then every minute or so, not one per tick
        if (inARow == 1 || inARow % 60 == 0) {
            log.warn("Outbox relay could not publish ({} ticks in a row); events stay in outbox_event and are retried: {}",
                    inARow, e.toString());
        } else {
            log.debug("Outbox relay tick failed ({} in a row): {}", inARow, e.toString());
        }
    }

    private Counter failures(String reason) {
        return Counter.builder("siyu.outbox.failures")
                .description("Outbox relay failures: broker unreachable, negative or missing confirms, database errors")
                .tag("reason", reason).register(meters);
    }

    /** One transaction: lock a batch, publish it, mark what the broker confirmed. Returns rows marked. */
    int relayBatch() {
        Integer marked = transactions.execute(status -> {
            List<OutboxEvent> batch = jdbc.query(SELECT_BATCH, (rs, i) -> new OutboxEvent(rs.getLong("id"),
                    rs.getLong("tenant_id"), rs.getString("event_id"), rs.getString("type"), rs.getString("payload"),
                    rs.getTimestamp("created_at").toLocalDateTime()), settings.batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            List<OutboxEvent> settled = settledOnly(batch);
            if (settled.isEmpty()) {
                return 0;
            }
            declareExchange();
            List<OutboxEvent> confirmed = publish(settled);
            Timestamp now = Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
            int count = 0;
            for (OutboxEvent event : confirmed) {
                count += jdbc.update(MARK_PUBLISHED, now, event.id());
            }
            return count;
        });
        // a batch cut short by held-back or failed rows ends this tick's loop
        return marked == null ? 0 : marked;
    }

    /** Drops events that may belong to an AT branch whose global transaction has not finished. */
    private List<OutboxEvent> settledOnly(List<OutboxEvent> batch) {
        if (!seataUndoLog) {
            return batch;
        }
        // read after the batch was locked: a branch whose row we locked had committed, so its undo_log row
        // is visible now (READ COMMITTED) unless phase 2 already finished it
        // log_status 1 rows are Seata's defence markers for branches rolled back before their phase 1 landed:
        // such a branch never commits an outbox row, and the markers stay for days, so they do not count
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Timestamp oldest = jdbc.queryForObject("select min(log_created) from undo_log where log_status = 0 and log_created > ?",
                Timestamp.class, Timestamp.valueOf(now.minus(ABANDONED_AFTER)));
        if (oldest == null) {
            return batch;
        }
        LocalDateTime cutoff = oldest.toLocalDateTime().minus(settings.atClockMargin());
        List<OutboxEvent> settled = batch.stream().filter(e -> e.createdAt().isBefore(cutoff)).toList();
        if (settled.size() < batch.size() && Duration.between(oldest.toLocalDateTime(), now).toSeconds() >= 60) {
            log.warn("undo_log holds an AT branch since {} UTC; outbox events after it wait for that global transaction"
                    + " (at most {} from its start)", oldest, ABANDONED_AFTER);
        }
        return settled;
    }

    private void declareExchange() {
        if (!exchangeDeclared) {
            admin.declareExchange(new TopicExchange(settings.exchange(), true, false));
            exchangeDeclared = true;
        }
    }

    /** Sends the whole batch, then waits for the confirms; returns the events the broker acknowledged. */
    private List<OutboxEvent> publish(List<OutboxEvent> events) {
        List<CorrelationData> pending = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            CorrelationData correlation = new CorrelationData(event.eventId());
            rabbit.send(settings.exchange(), routingKey(event), message(event), correlation);
            pending.add(correlation);
        }
        long deadline = System.nanoTime() + settings.confirmTimeout().toNanos();
        List<OutboxEvent> confirmed = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            OutboxEvent event = events.get(i);
            CorrelationData correlation = pending.get(i);
            try {
                CorrelationData.Confirm confirm = correlation.getFuture()
                        .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!confirm.isAck()) {
                    failures("nack").increment();
                    log.warn("Broker refused event {} ({}): {}", event.eventId(), event.type(), confirm.getReason());
                    continue;
                }
                if (correlation.getReturned() != null) {
                    // accepted by the exchange but no queue bound for it: nobody subscribes yet; the outbox
                    // has done its job (delivery to the exchange), so it is counted and marked published
                    unrouted.increment();
                    log.debug("Event {} ({}) had no subscriber: {}", event.eventId(), event.type(),
                            correlation.getReturned().getReplyText());
                }
                confirmed.add(event);
                Counter.builder("siyu.outbox.published").description("Events published to the broker and confirmed")
                        .tag("type", event.type()).register(meters).increment();
            } catch (TimeoutException e) {
                failures("confirm-timeout").increment();
                log.warn("No confirm for event {} within {}; it stays unpublished and is retried", event.eventId(),
                        settings.confirmTimeout());
            } catch (ExecutionException e) {
                failures("broker").increment();
                log.warn("Confirm for event {} failed: {}", event.eventId(), e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return confirmed;
    }

    String routingKey(OutboxEvent event) {
        return application + "." + event.type();
    }

    Message message(OutboxEvent event) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(event.eventId());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        properties.setType(event.type());
        properties.setAppId(application);
        properties.setTimestamp(Date.from(event.createdAt().toInstant(ZoneOffset.UTC)));
        properties.setHeader("tenantId", event.tenantId());
        properties.setHeader("type", event.type());
        return new Message(event.payload().getBytes(StandardCharsets.UTF_8), properties);
    }

    record OutboxEvent(long id, long tenantId, String eventId, String type, String payload, LocalDateTime createdAt) {
    }
}
