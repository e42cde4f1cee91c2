package com.siyu.common.autoconfigure;

import com.siyu.common.outbox.OutboxSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("siyu")
public class SiyuProperties {

    private final Tenant tenant = new Tenant();
    private final Idempotency idempotency = new Idempotency();
    private final Outbox outbox = new Outbox();

    public Outbox getOutbox() {
        return outbox;
    }

    public Tenant getTenant() {
        return tenant;
    }

    public Idempotency getIdempotency() {
        return idempotency;
    }

    public static class Tenant {
        /** Tables that are not tenant-scoped (a tenant directory, Seata's undo_log). */
        private List<String> exemptTables = new ArrayList<>(List.of("undo_log", "idempotency_record"));

        public List<String> getExemptTables() {
            return exemptTables;
        }

        public void setExemptTables(List<String> exemptTables) {
            this.exemptTables = exemptTables;
        }
    }

    public static class Idempotency {
        /** Client write paths that need no Idempotency-Key (sign-in, token refresh). Ant patterns. */
        private List<String> exemptPaths = new ArrayList<>();
        /** How long a claimed key may stay unfinished before another request may take it over. */
        private Duration lease = Duration.ofSeconds(30);
        /** How long stored responses are kept for replay. */
        private Duration retention = Duration.ofHours(24);

        public List<String> getExemptPaths() {
            return exemptPaths;
        }

        public void setExemptPaths(List<String> exemptPaths) {
            this.exemptPaths = exemptPaths;
        }

        public Duration getLease() {
            return lease;
        }

        public void setLease(Duration lease) {
            this.lease = lease;
        }

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }
    }

    /** The outbox relay (com.siyu.common.outbox.OutboxRelay); the tick interval is {@code siyu.outbox.interval}. */
    public static class Outbox {
        /** Off switch; the relay also stays idle in a service whose database has no outbox_event table. */
        private boolean enabled = true;
        /** Delay between the end of one relay tick and the start of the next. */
        private Duration interval = Duration.ofSeconds(1);
        /** Delay before the first tick after start-up. */
        private Duration initialDelay = Duration.ofSeconds(5);
        /** The durable topic exchange events are published to (routing key {@code <application>.<type>}). */
        private String exchange = "siyu.events";
        /** Rows locked and published per transaction. */
        private int batchSize = 100;
        /** How long to wait for the broker to confirm a batch; unconfirmed rows are retried. */
        private Duration confirmTimeout = Duration.ofSeconds(5);
        /** Query timeout for the relay's statements. */
        private Duration statementTimeout = Duration.ofSeconds(10);
        /** Clock-skew margin before the oldest unfinished Seata AT branch (undo_log) from which events wait. */
        private Duration atClockMargin = Duration.ofSeconds(5);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getInitialDelay() {
            return initialDelay;
        }

        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        public String getExchange() {
            return exchange;
        }

        public void setExchange(String exchange) {
            this.exchange = exchange;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getConfirmTimeout() {
            return confirmTimeout;
        }

        public void setConfirmTimeout(Duration confirmTimeout) {
            this.confirmTimeout = confirmTimeout;
        }

        public Duration getStatementTimeout() {
            return statementTimeout;
        }

        public void setStatementTimeout(Duration statementTimeout) {
            this.statementTimeout = statementTimeout;
        }

        public Duration getAtClockMargin() {
            return atClockMargin;
        }

        public void setAtClockMargin(Duration atClockMargin) {
            this.atClockMargin = atClockMargin;
        }

        public OutboxSettings settings() {
            return new OutboxSettings(exchange, batchSize, confirmTimeout, statementTimeout, atClockMargin);
        }
    }
}
