package com.siyu.common.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("siyu")
public class SiyuProperties {

    private final Tenant tenant = new Tenant();
    private final Idempotency idempotency = new Idempotency();

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
}
