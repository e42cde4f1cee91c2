package com.siyu.e2e;

import static com.siyu.e2e.Gateway.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway's cost and its behaviour under many connections, measured with wrk (Debian's package) on the running
 * suite: the same DB-bound read ({@code GET /api/v1/member/me}: token check, member row, tier, points balance through
 * Feign) straight at member-service and through the gateway, 40 shoppers' tokens in turn, at 16, 64 and 256
 * connections, after a warm-up. It prints requests/s, p50/p99 and the gateway/direct ratio of the same run, and fails
 * on any answer that is not 2xx through the gateway (a healthy suite refuses nothing; 429 comes from the rate
 * limiter only, whose per-shopper limit these 40 shoppers stay under).
 */
@ExtendWith(RunningSuite.class)
class GatewayWrkBenchmarkIT {

    private static final Gateway gateway = new Gateway(RunningSuite.GATEWAY);
    private static final long SECONDS = Long.getLong("siyu.bench.seconds", 8);
    private static final int SHOPPERS = 40;
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern LATENCY = Pattern.compile("p50 ([0-9.]+) ms, p99 ([0-9.]+) ms");
    private static final Pattern TIMEOUTS = Pattern.compile("timeout (\\d+)");
    private static Path script;

    @BeforeAll
    static void shoppers() throws IOException {
        Tenants.Tenant mall = Tenants.onboard(gateway, "e2e-wrk");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < SHOPPERS; i++) {
            Gateway.Response login = gateway.write("POST", "/api/v1/member/mini-program-sessions", null,
                    map("code", "wrk-" + UUID.randomUUID().toString().substring(0, 8)), null, "X-Miniapp-AppId", mall.miniAppId());
            assertThat(login.status()).as(login.toString()).isEqualTo(201);
            tokens.add(login.body().path("accessToken").asText());
        }
        Path dir = Files.createDirectories(Path.of("target", "wrk"));
        Path tokenFile = dir.resolve("tokens.txt");
        Files.write(tokenFile, tokens, StandardCharsets.UTF_8);
        script = dir.resolve("tokens.lua");
        Files.writeString(script, """
                -- each request carries the next shopper's token
                local tokens = {}
                for line in io.lines("%s") do
                  if #line > 0 then tokens[#tokens + 1] = line end
                end
                local i = 0
                request = function()
                  i = i %% #tokens + 1
                  wrk.headers["Authorization"] = "Bearer " .. tokens[i]
                  return wrk.format("GET", wrk.path)
                end
                done = function(summary, latency, requests)
                  io.write(string.format("p50 %%.1f ms, p99 %%.1f ms\\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
                  io.write(string.format("timeout %%d\\n", summary.errors.timeout))
                end
                """.formatted(tokenFile.toAbsolutePath()), StandardCharsets.UTF_8);
    }

    record Run(String target, int connections, double rps, long non2xx, long timeouts, double p50, double p99) {
    }

    @Test
    void theGatewayKeepsMostOfDirectThroughputAndRefusesNothingAt256Connections() throws Exception {
        List<Run> runs = new ArrayList<>();
        wrk(RunningSuite.GATEWAY, 16, 3);
        wrk(RunningSuite.MEMBER_SERVICE, 16, 3);
        for (int connections : new int[] {16, 64, 256}) {
            runs.add(wrk(RunningSuite.MEMBER_SERVICE, connections, SECONDS));
            runs.add(wrk(RunningSuite.GATEWAY, connections, SECONDS));
        }
        System.out.println("\n[bench] GET /api/v1/member/me, " + SHOPPERS + " shoppers, wrk -t2, " + SECONDS + " s per run");
        System.out.println("[bench] connections | direct req/s (p50/p99 ms) | gateway req/s (p50/p99 ms) | gateway/direct | gateway non-2xx");
        for (int i = 0; i < runs.size(); i += 2) {
            Run direct = runs.get(i);
            Run routed = runs.get(i + 1);
            System.out.printf("[bench] %11d | %8.0f (%.0f/%.0f) | %8.0f (%.0f/%.0f) | %.2f | %d%n", direct.connections(), direct.rps(), direct.p50(),
                    direct.p99(), routed.rps(), routed.p50(), routed.p99(), routed.rps() / direct.rps(), routed.non2xx());
        }
        for (Run run : runs) {
            assertThat(run.non2xx()).as(run.toString()).isZero();
        }
    }

    private static Run wrk(String base, int connections, long seconds) throws Exception {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s", "-s", script.toString(),
                base + "/api/v1/member/me").redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(wrk.waitFor(seconds + 30, TimeUnit.SECONDS)).isTrue();
        assertThat(wrk.exitValue()).as(out).isZero();
        Matcher latency = LATENCY.matcher(out);
        assertThat(latency.find()).as(out).isTrue();
        return new Run(base, connections, number(RPS, out), (long) number(NON_2XX, out), (long) number(TIMEOUTS, out),
                Double.parseDouble(latency.group(1)), Double.parseDouble(latency.group(2)));
    }

    private static double number(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
