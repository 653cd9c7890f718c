package dev.spotter.bench;

import dev.spotter.testing.KafkaBroker;
import dev.spotter.testing.PostgresDatabases;
import dev.spotter.testing.ServiceProcess;
import dev.spotter.testing.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the harness runs against: a broker of its own, PostgreSQL behind a {@link TcpProxy}, and the three packaged
 * services on fresh {@code spotter_bench_*} databases, started one after another so each start is timed alone.
 */
final class BenchPlatform implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    final Path workDir;
    /** Between the services and PostgreSQL when faults are run (to cut it), else null: the services connect directly. */
    final TcpProxy databaseProxy;
    private final List<String> jvmOptions;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    final Map<String, Duration> readyAfter = new LinkedHashMap<>();
    /** Per service, what its latest start waited for (see {@link #awaitReady}). */
    final Map<String, String> startNotes = new java.util.concurrent.ConcurrentHashMap<>();
    private final int kafkaPort;
    private final int controllerPort;
    private volatile KafkaBroker broker;

    private BenchPlatform(Path workDir, TcpProxy databaseProxy, List<String> jvmOptions, int kafkaPort, int controllerPort) {
        this.workDir = workDir;
        this.databaseProxy = databaseProxy;
        this.jvmOptions = jvmOptions;
        this.kafkaPort = kafkaPort;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts the broker and the services with {@code jvmOptions}; through a relay to PostgreSQL if {@code cuttable}. With
     * {@code aotCache}, a service whose folder has no AOT cache yet first has a training start that records one (on a
     * JDK that can, 25 and later), so the timed start is the one a deployment with its cache would see.
     */
    static BenchPlatform start(Path servicesDir, Path workDir, List<String> jvmOptions, boolean cuttable, boolean aotCache,
            Consumer<String> log) throws Exception {
        deleteRecursively(workDir.resolve("kafka")); // a broker with an earlier run's topics would feed its events to this one
        Files.createDirectories(workDir);
        TcpProxy proxy = cuttable ? TcpProxy.to(PostgresDatabases.host(), Integer.parseInt(PostgresDatabases.port())) : null;
        BenchPlatform platform = new BenchPlatform(workDir, proxy, jvmOptions, KafkaBroker.freePort(), KafkaBroker.freePort());
        try {
            platform.startBroker();
            for (String name : List.of("screening-service", "session-service", "alert-service")) {
                if (aotCache) {
                    platform.recordAotCache(servicesDir, name, log);
                }
                platform.startService(servicesDir, name);
            }
        } catch (Exception e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    URI uri(String service, String path) {
        return services.get(service).uri(path);
    }

    /** The broker as a child process; started again on the same ports and data after a kill. */
    KafkaBroker broker() {
        return broker;
    }

    void startBroker() throws IOException {
        broker = KafkaBroker.start(workDir.resolve("kafka"), kafkaPort, controllerPort);
    }

    /** Kills the service with SIGKILL, starts it again and answers how long it took to be ready. */
    Duration crashAndRestart(String name) throws Exception {
        ServiceProcess service = services.get(name);
        service.crash();
        long started = System.nanoTime();
        service.restart();
        awaitReady(name, service);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Resident memory of the service's process now, from {@code /proc/<pid>/status} (VmRSS), in MiB. */
    long residentMiB(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(services.get(name).pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IOException("no VmRSS for " + name);
    }

    /** Whether every service answers its readiness check with 200 now. */
    boolean allReady() {
        HttpClient http = HttpClient.newHttpClient();
        for (ServiceProcess service : services.values()) {
            try {
                if (http.send(HttpRequest.newBuilder(service.uri("/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Whether screening-service takes a write now: a patient registered by a clinic admin of a clinic of its own. */
    boolean registersPatient() {
        String admin = TestTokens.issue("admin.bench-probe", "bench-probe", "clinic-admin");
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("screening-service", "/api/patients"))
                    .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Probe Patient\"}")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Patients session-service knows as cleared to start, read from its database. */
    long eligiblePatients() throws SQLException {
        try (Connection connection = DriverManager.getConnection(directUrl("session-service"), PostgresDatabases.user(),
                PostgresDatabases.password());
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM known_patient WHERE eligible AND plan IS NOT NULL")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Each service's threads, by the JDK's {@code jcmd}, into the logs folder: where a stuck service waits. */
    void threadDumps() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        for (Map.Entry<String, ServiceProcess> service : services.entrySet()) {
            new ProcessBuilder(jcmd.toString(), Long.toString(service.getValue().pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("logs").resolve(service.getKey() + ".threads.txt").toFile())
                    .start().waitFor();
        }
    }

    /**
     * A training start: the service starts on a database of its own, becomes ready and is stopped, and the JDK writes
     * what it loaded and linked into the service's AOT cache. Skipped where the cache is there already (a new build
     * empties the folder) or the JDK cannot record one.
     */
    private void recordAotCache(Path servicesDir, String name, Consumer<String> log) throws Exception {
        Path appDir = appDir(servicesDir, name);
        Optional<String> recording = ServiceProcess.aotCacheRecording();
        if (ServiceProcess.hasAotCache(appDir) || recording.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<String> options = new ArrayList<>(jvmOptions);
        options.add(recording.get());
        ServiceProcess training = ServiceProcess.start(name + "-training", appDir, KafkaBroker.freePort(), environment(name),
                workDir.resolve("logs"), options);
        try {
            training.awaitReady(READY_TIMEOUT);
        } catch (Exception notReady) {
            training.close();
            throw notReady;
        }
        training.stop(Duration.ofSeconds(180)); // the JVM writes the cache while it stops
        double took = (System.nanoTime() - started) / 1e9;
        log.accept(ServiceProcess.hasAotCache(appDir) ? "%s: AOT cache recorded by a training start in %.1f s".formatted(name, took)
                : "%s: the training start wrote no AOT cache (see its log); it starts with the build's archive".formatted(name));
    }

    /** Timed from the process's launch: the service's empty database is made first, and is not part of its start. */
    private void startService(Path servicesDir, String name) throws Exception {
        Path appDir = appDir(servicesDir, name);
        Map<String, String> environment = environment(name);
        long started = System.nanoTime();
        ServiceProcess service = ServiceProcess.start(name, appDir, KafkaBroker.freePort(), environment, workDir.resolve("logs"),
                jvmOptions);
        services.put(name, service);
        awaitReady(name, service);
        readyAfter.put(name, Duration.ofNanos(System.nanoTime() - started));
        String cache = service.startupCache().isEmpty() ? "the JVM options as given, no cache added" : String.join(" ", service.startupCache());
        startNotes.computeIfPresent(name, (key, note) -> "with " + cache + "; " + note);
    }

    /** Where the build put a service's packaged application. */
    private static Path appDir(Path servicesDir, String name) {
        return servicesDir.resolve(name).resolve("target/quarkus-app");
    }

    /**
     * Polls readiness every 10 ms (the test support's 250 ms would blur a start of a second or two), and notes in
     * {@link #startNotes} when the service first answered HTTP and until when each readiness check was down: where a
     * start spends its time after the application itself has started.
     */
    private void awaitReady(String name, ServiceProcess service) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long started = System.nanoTime();
        long deadline = started + READY_TIMEOUT.toNanos();
        Long listening = null;
        int firstStatus = 0;
        Map<String, Long> downUntil = new LinkedHashMap<>();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(service.uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                long now = System.nanoTime() - started;
                if (listening == null) {
                    listening = now;
                    firstStatus = ready.statusCode();
                }
                if (ready.statusCode() == 200) {
                    StringBuilder note = new StringBuilder("HTTP answered after %.2f s (%d)".formatted(listening / 1e9, firstStatus));
                    downUntil.forEach((check, until) -> note.append("; %s down until %.2f s".formatted(check, until / 1e9)));
                    startNotes.put(name, note.toString());
                    return;
                }
                for (com.fasterxml.jackson.databind.JsonNode check : Api.JSON.readTree(ready.body()).path("checks")) {
                    if (!"UP".equals(check.path("status").asText())) {
                        downUntil.put(check.path("name").asText(), now);
                    }
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(name + " not ready within " + READY_TIMEOUT);
    }

    private Map<String, String> environment(String name) {
        String database = "spotter_bench_" + name.replace("-service", "");
        String direct = PostgresDatabases.recreate(database);
        Map<String, String> env = new HashMap<>(Map.of(
                "SPOTTER_DB_URL", databaseProxy == null ? direct
                        : "jdbc:postgresql://127.0.0.1:" + databaseProxy.port() + direct.substring(direct.lastIndexOf('/')),
                "SPOTTER_DB_USER", PostgresDatabases.user(),
                "SPOTTER_DB_PASSWORD", PostgresDatabases.password(),
                "SPOTTER_JWT_PUBLIC_KEY", TestTokens.publicKeyFile().toString(),
                "SPOTTER_KAFKA_BOOTSTRAP", bootstrapServers(),
                // as the container image sets it: two malloc arenas, not one per core per thread that ever allocated
                "MALLOC_ARENA_MAX", "2"));
        if (name.equals("alert-service")) {
            // the harness's webhook receiver listens on this machine over plain http, which production refuses
            env.put("SPOTTER_WEBHOOK_PRIVATE_NETWORKS", "true");
            env.put("SPOTTER_SECRET_KEY", Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)));
            env.put("SPOTTER_MAIL_LOG_ONLY", "true");
        }
        return env;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The JDBC URL of a service's database, straight to PostgreSQL (not through the proxy). */
    static String directUrl(String name) {
        return PostgresDatabases.jdbcUrl("spotter_bench_" + name.replace("-service", "") + suffix());
    }

    private static String suffix() {
        String suffix = System.getenv("SPOTTER_TEST_DB_SUFFIX");
        return suffix == null ? "" : suffix;
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::close);
        if (broker != null) {
            broker.close();
        }
        try {
            if (databaseProxy != null) {
                databaseProxy.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
