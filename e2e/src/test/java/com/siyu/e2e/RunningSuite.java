package com.siyu.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes sure the whole suite is running before the first scenario: uses a running one (the gateway
 * answers), otherwise starts it with {@code deploy/siyu.sh up} and stops it with
 * {@code deploy/siyu.sh down --keep-infra} when the test run ends.
 */
public class RunningSuite implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    static final String GATEWAY = System.getProperty("siyu.gateway", "http://127.0.0.1:8080");
    /** The scenarios' one call past the gateway (tenant onboarding) goes here. */
    static final String MEMBER_SERVICE = System.getProperty("siyu.member-service", "http://127.0.0.1:8081");
    /** Actuator of the gateway and member-service: their own ports (service port + 1000), never the routed one. */
    static final String GATEWAY_MANAGEMENT = System.getProperty("siyu.gateway-management", "http://127.0.0.1:9080");
    static final String MEMBER_SERVICE_MANAGEMENT = System.getProperty("siyu.member-service-management", "http://127.0.0.1:9081");
    private static final List<String> APPS = List.of("member-service", "points-service", "payment-service",
            "coupon-service", "guide-service", "touchpoint-service", "gateway");
    private static boolean checked;
    private static boolean startedHere;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (RunningSuite.class) {
            if (checked) {
                return;
            }
            checked = true;
            if (!ready(GATEWAY_MANAGEMENT) || !ready(MEMBER_SERVICE_MANAGEMENT)) {
                // registered first: even a start that fails half-way is stopped when the run ends
                startedHere = true;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningSuite.class.getName(), this);
                start();
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (startedHere) {
            run(List.of("bash", "deploy/siyu.sh", "down", "--keep-infra"), Duration.ofMinutes(2), "suite-down.log");
        }
    }

    private static boolean ready(String base) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void start() throws Exception {
        Path repo = repo();
        boolean jarsBuilt = APPS.stream().allMatch(app -> Files.isRegularFile(repo.resolve(app).resolve("target").resolve(app + ".jar")));
        ProcessBuilder up = new ProcessBuilder("bash", "deploy/siyu.sh", "up");
        if (jarsBuilt) {
            // The reactor has just built them; do not start a Maven build inside this Maven build.
            up.environment().put("SIYU_SKIP_BUILD", "1");
        }
        int exit = run(up, Duration.ofMinutes(10), "suite-up.log");
        if (exit != 0) {
            throw new IllegalStateException("deploy/siyu.sh up failed with exit " + exit + "; see e2e/target/suite-up.log and .run/logs");
        }
    }

    private static int run(List<String> command, Duration timeout, String logName) throws Exception {
        return run(new ProcessBuilder(command), timeout, logName);
    }

    private static int run(ProcessBuilder builder, Duration timeout, String logName) throws Exception {
        Path repo = repo();
        File log = repo.resolve("e2e").resolve("target").resolve(logName).toFile();
        Files.createDirectories(log.toPath().getParent());
        Process process = builder.directory(repo.toFile()).redirectErrorStream(true).redirectOutput(log).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", builder.command()) + " did not finish in " + timeout);
        }
        System.out.println(Files.readString(log.toPath()));
        return process.exitValue();
    }

    /** The run directory of deploy/siyu.sh (its secrets.env holds the platform operator's client secret). */
    static Path runDir() {
        String configured = System.getenv("SIYU_RUN_DIR");
        return configured != null && !configured.isBlank() ? Path.of(configured) : repo().resolve(".run");
    }

    static Path repo() {
        String configured = System.getProperty("siyu.repo");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy").resolve("siyu.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (deploy/siyu.sh) from " + start);
    }
}
