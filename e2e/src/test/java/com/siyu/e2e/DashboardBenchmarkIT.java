package com.siyu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * touchpoint-service's dashboard over a tenant with a million send records (benchmark, not a test: deploy/siyu.sh
 * bench). The records go straight into its schema (MariaDB's sequence engine makes them in seconds): 1,000,000 sends
 * over 90 days to 50,000 members, 1 in 20 clicked, 1 in 100 converted, and their day figures. Then the dashboard is read through the gateway
 * for a day, a week and 90 days, each several times; the figures printed are milliseconds (min / median / max).
 */
@ExtendWith(RunningSuite.class)
class DashboardBenchmarkIT {

    private static final Gateway gateway = new Gateway(RunningSuite.GATEWAY);
    private static final int SENDS = Integer.getInteger("siyu.bench.dashboard-sends", 1_000_000);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static Tenants.Tenant mall;

    private static Connection database() throws java.sql.SQLException {
        String url = "jdbc:mysql://" + System.getenv().getOrDefault("SIYU_DB_HOST", "127.0.0.1") + ":" + System.getenv().getOrDefault("SIYU_DB_PORT",
                "3306") + "/siyu_touchpoint?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
        return DriverManager.getConnection(url, System.getenv().getOrDefault("SIYU_DB_USER", "root"), System.getenv().getOrDefault("SIYU_DB_PASSWORD", ""));
    }

    /** The million rows go again: the next benchmark (and the suite) does not carry them. */
    @org.junit.jupiter.api.AfterAll
    static void dropThem() throws Exception {
        try (Connection db = database(); Statement sql = db.createStatement()) {
            for (String table : List.of("tp_click", "tp_conversion", "tp_send_day", "tp_send")) {
                sql.executeUpdate("delete from " + table + " where tenant_id = " + mall.id());
            }
        }
    }

    @BeforeAll
    static void aMillionSends() throws Exception {
        mall = Tenants.onboard(gateway, "e2e-dash");
        long t0 = System.nanoTime();
        try (Connection db = database(); Statement sql = db.createStatement()) {
            long tenant = mall.id();
            // Shanghai has no daylight saving: the mall's day is UTC + 8 h
            sql.executeUpdate("insert into tp_send (tenant_id, member_id, channel, template_id, page, data, preset, source_key, status, reason, due_at,"
                    + " attempts, sent_at, created_at, tracking_token, day, first_clicked_at) select " + tenant + ", 1 + seq % 50000, 'MINI_SUBSCRIBE',"
                    + " 'tmpl-bench', 'pages/index', '{}', if(seq % 3 = 0, 'POST_PAYMENT', null), concat('bench:', seq), if(seq % 10 = 0, 'SKIPPED',"
                    + " 'SENT'), if(seq % 10 = 0, 'NO_QUOTA', null), t, 1, if(seq % 10 = 0, null, t), t, substr(concat(md5(concat(" + tenant
                    + ", ':', seq)), 'x'), 1, 22), date(t + interval 8 hour), if(seq % 20 = 0, t + interval 1 hour, null)"
                    + " from (select seq, utc_timestamp(3) - interval (seq % 129600) minute t from seq_1_to_" + SENDS + ") s");
            sql.executeUpdate("insert into tp_click (tenant_id, send_id, member_id, clicked_at) select tenant_id, id, member_id, first_clicked_at"
                    + " from tp_send where tenant_id = " + tenant + " and first_clicked_at is not null");
            sql.executeUpdate("insert into tp_conversion (tenant_id, payment_no, member_id, first_send_id, last_send_id, gross_fen, refunded_fen,"
                    + " paid_at) select tenant_id, concat('BP', id), member_id, id, id, 10000 + id % 5000, if(id % 7 = 0, 1000, 0), created_at"
                    + " + interval 2 hour from tp_send where tenant_id = " + tenant + " and id % 100 = 0");
            // the day figures touchpoint-service keeps as the facts happen, made here for the seeded facts at once
            sql.executeUpdate("insert into tp_send_day (tenant_id, day, channel, preset, sends, sent, clicked) select tenant_id, day, channel,"
                    + " coalesce(preset, ''), count(*), sum(status = 'SENT'), sum(first_clicked_at is not null) from tp_send where tenant_id = " + tenant
                    + " group by day, channel, preset");
            sql.executeUpdate("insert into tp_send_day (tenant_id, day, channel, preset, converted, attributed_fen) select s.tenant_id, s.day, s.channel,"
                    + " coalesce(s.preset, ''), count(*), sum(v.gross_fen - v.refunded_fen) from tp_conversion v join tp_send s on s.tenant_id = v.tenant_id"
                    + " and s.id = v.last_send_id where v.tenant_id = " + tenant + " group by s.day, s.channel, s.preset"
                    + " on duplicate key update converted = values(converted), attributed_fen = values(attributed_fen)");
            sql.execute("analyze table tp_send, tp_click, tp_conversion, tp_send_day");
        }
        System.out.printf("%n[bench] dashboard: seeded %,d sends (with clicks and conversions) in %.1f s%n", SENDS, (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void theDashboardOverAMillionSends() {
        LocalDate today = LocalDate.now(ZONE);
        report("1 day", today, today);
        report("7 days", today.minusDays(6), today);
        // the seeded 90 × 24 h end now: in the mall's days they span 91
        JsonNode all = report("91 days", today.minusDays(90), today);
        assertThat(all.path("rows").findValues("sends").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(SENDS);
    }

    private static JsonNode report(String label, LocalDate from, LocalDate to) {
        String path = "/admin/v1/touchpoint/dashboard?from=" + from + "&to=" + to;
        JsonNode last = null;
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            Gateway.Response r = gateway.get(path, mall.adminToken());
            millis.add((System.nanoTime() - t0) / 1e6);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            last = r.body();
        }
        millis.remove(0); // the first read warms the JIT and the buffer pool
        Collections.sort(millis);
        System.out.printf("[bench] dashboard %-8s over %,d sends: %.0f / %.0f / %.0f ms (min / median / max of %d), %,d sends in the period%n", label,
                SENDS, millis.get(0), millis.get(millis.size() / 2), millis.get(millis.size() - 1), millis.size(),
                last.path("rows").findValues("sends").stream().mapToLong(JsonNode::asLong).sum());
        return last;
    }
}
