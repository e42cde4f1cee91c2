package com.siyu.e2e;

import static com.siyu.e2e.Gateway.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bounded benchmarks through the gateway on the running suite (loopback only, fixed duration). They
 * print throughput and latency percentiles, and fail on any 5xx or wrong answer: speed that loses
 * correctness does not count. Figures on the 2-core reference machine are in the README.
 */
@ExtendWith(RunningSuite.class)
class ThroughputBenchmarkIT {

    private static final Gateway gateway = new Gateway(RunningSuite.GATEWAY);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("siyu.bench.seconds", 8));
    private static final int SHOPPERS = 16;
    private static Tenants.Tenant mall;
    private static long counter;
    private static final List<String> tokens = new ArrayList<>();

    @BeforeAll
    static void shoppers() {
        mall = Tenants.onboard(gateway, "e2e-bench");
        counter = gateway.post("/admin/v1/member/stores/" + mall.storeB() + "/merchants", mall.adminToken(),
                map("code", "BENCH", "brand", "Bench", "category", "food", "cashierQrId", "qr-" + UUID.randomUUID().toString().substring(0, 12)))
                .body().path("id").asLong();
        for (int i = 0; i < SHOPPERS; i++) {
            Gateway.Response login = gateway.write("POST", "/api/v1/member/mini-program-sessions", null,
                    map("code", "bench-" + UUID.randomUUID().toString().substring(0, 8)), null, "X-Miniapp-AppId", mall.miniAppId());
            long member = login.body().path("memberId").asLong();
            gateway.post("/admin/v1/points/adjustments", mall.adminToken(), map("memberId", member, "points", 100_000, "reason", "bench",
                    "storeId", mall.storeA()));
            tokens.add(login.body().path("accessToken").asText());
        }
    }

    @Test
    void shopperReadsThroughTheGateway() throws Exception {
        Result result = run("GET /api/v1/member/me", SHOPPERS, i -> gateway.get("/api/v1/member/me", tokens.get(i % SHOPPERS)), 200);
        assertThat(result.errors()).as(result.errorSamples().toString()).isZero();
    }

    @Test
    void cashierPaymentsEachAGlobalTransaction() throws Exception {
        Result result = run("POST /api/v1/payment/payments (coupon-less, points + sandbox channel)", 8,
                i -> gateway.post("/api/v1/payment/payments", tokens.get(i % SHOPPERS), map("orders", List.of(map("merchantId", counter,
                        "amountFen", 5000)), "points", 100)), 201);
        assertThat(result.errors()).as(result.errorSamples().toString()).isZero();
        assertThat(gateway.get("/admin/v1/points/reconciliation", mall.adminToken()).body().path("clean").asBoolean()).isTrue();
    }

    @Test
    void refundsEachAGlobalTransaction() throws Exception {
        // paid payments to refund (points spent and earned on each), made first and not measured
        int count = 96;
        String[] paid = new String[count];
        ExecutorService makers = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            made.add(makers.submit(() -> {
                Gateway.Response r = gateway.post("/api/v1/payment/payments", tokens.get(n % SHOPPERS), map("orders", List.of(map("merchantId",
                        counter, "amountFen", 5000)), "points", 100));
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                paid[n] = r.body().path("paymentNo").asText();
            }));
        }
        for (java.util.concurrent.Future<?> f : made) {
            f.get();
        }
        makers.shutdown();
        Result result = run("POST /admin/v1/payment/payments/{no}/refunds (full, points returned + earnings reversed, sandbox channel)", 8,
                i -> gateway.post("/admin/v1/payment/payments/" + paid[i] + "/refunds", mall.adminToken(), map("orderNo", paid[i] + "-1",
                        "reason", "bench")), 201, count);
        assertThat(result.errors()).as(result.errorSamples().toString()).isZero();
        assertThat(gateway.get("/admin/v1/points/reconciliation", mall.adminToken()).body().path("clean").asBoolean()).isTrue();
    }

    record Result(int ok, int errors, List<String> errorSamples) {
    }

    private static Result run(String name, int threads, IntFunction<Gateway.Response> call, int expected) throws Exception {
        return run(name, threads, call, expected, Integer.MAX_VALUE);
    }

    /** Calls {@code call(i)} for i = 0, 1, … from {@code threads} threads until the run time is up or {@code limit} calls were made. */
    private static Result run(String name, int threads, IntFunction<Gateway.Response> call, int expected, int limit) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Map<String, Boolean> samples = new ConcurrentHashMap<>();
        long end = System.nanoTime() + RUN.toNanos();
        CountDownLatch done = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.submit(() -> {
                try {
                    for (int i = thread; i < limit && System.nanoTime() < end; i += threads) {
                        long t0 = System.nanoTime();
                        Gateway.Response response = call.apply(i);
                        latencies.add(System.nanoTime() - t0);
                        if (response.status() == expected) {
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                            if (samples.size() < 5) {
                                samples.put(response.toString(), true);
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("BENCHMARK %s: %d threads, %.1f s, %d ok, %d errors, %.1f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                name, threads, seconds, ok.get(), errors.get(), ok.get() / seconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
        return new Result(ok.get(), errors.get(), new ArrayList<>(samples.keySet()));
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
