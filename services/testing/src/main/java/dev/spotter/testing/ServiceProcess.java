package dev.spotter.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A packaged Quarkus service started as its own process, for end-to-end tests. Given {@code SPOTTER_HTTP_TLS_CERT} it
 * serves HTTPS on its port, and the test's clients trust {@link TestCertificates#shared()}'s server certificate.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The AOT cache's file in the application's folder, as the JDK's training start writes it. */
    public static final String AOT_CACHE = "app.aot";

    private final String name;
    private final ProcessBuilder builder;
    private final int port;
    private final int plainPort;
    private final boolean https;
    private final Path log;
    private final List<String> startupCache;
    private volatile Process process;

    private ServiceProcess(String name, ProcessBuilder builder, int port, int plainPort, boolean https, Path log,
            List<String> startupCache) throws IOException {
        this.name = name;
        this.builder = builder;
        this.port = port;
        this.plainPort = plainPort;
        this.https = https;
        this.log = log;
        this.startupCache = startupCache;
        this.process = builder.start();
    }

    /** Starts {@code quarkus-run.jar} of the service at {@code appDir} on {@code port}, with {@code env} added. */
    public static ServiceProcess start(String name, Path appDir, int port, Map<String, String> env, Path logDir) throws IOException {
        return start(name, appDir, port, env, logDir, List.of("-Xmx256m"));
    }

    /** As {@link #start(String, Path, int, Map, Path)}, with these JVM options instead of the tests' {@code -Xmx256m}. */
    public static ServiceProcess start(String name, Path appDir, int port, Map<String, String> env, Path logDir, List<String> jvmOptions)
            throws IOException {
        Path jar = appDir.resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        boolean https = env.containsKey("SPOTTER_HTTP_TLS_CERT");
        // with HTTPS on the given port, plain HTTP (if SPOTTER_HTTP_INSECURE leaves it on) goes to a free one
        int plainPort = https ? KafkaBroker.freePort() : port;
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        List<String> startupCache = namesStartupCache(jvmOptions) ? List.of() : startupCache(appDir);
        command.addAll(startupCache);
        command.add("-Dquarkus.http.port=" + plainPort);
        if (https) {
            command.add("-Dquarkus.http.ssl-port=" + port);
        }
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(appDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ServiceProcess(name, builder, port, plainPort, https, log, startupCache);
    }

    /**
     * What shortens the start, best first: the AOT cache a training start recorded ({@link #AOT_CACHE}, on a JDK that
     * reads one, 25 and later), else the class-data sharing archive the build made. Both name the class path relative
     * to the application's folder, so the service runs from there; a JVM that either does not fit ignores it.
     */
    static List<String> startupCache(Path appDir) {
        if (hasAotCache(appDir)) {
            return List.of("-XX:AOTCache=" + AOT_CACHE);
        }
        return Files.exists(appDir.resolve("app-cds.jsa")) ? List.of("-XX:SharedArchiveFile=app-cds.jsa") : List.of();
    }

    /**
     * The options for a training start: the JVM records what the start loaded, linked and ran, and writes it to
     * {@link #AOT_CACHE} when the service stops ({@link #stop(Duration)}: writing takes some seconds). Empty on a JDK
     * before 25, which records none this way.
     */
    public static Optional<String> aotCacheRecording() {
        return readsAotCache() ? Optional.of("-XX:AOTCacheOutput=" + AOT_CACHE) : Optional.empty();
    }

    /** Whether these JVM options choose a cache or archive themselves (then {@link #start} adds none). */
    static boolean namesStartupCache(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(option -> option.startsWith("-XX:AOTCache") || option.startsWith("-XX:SharedArchiveFile"));
    }

    /** Whether the service's folder holds a recorded AOT cache that this JDK would use. */
    public static boolean hasAotCache(Path appDir) {
        return readsAotCache() && Files.exists(appDir.resolve(AOT_CACHE));
    }

    /** The JDK's AOT cache, recorded in one start and written when it ends, came with 25 (JEP 514). */
    private static boolean readsAotCache() {
        return Runtime.version().feature() >= 25;
    }

    /** Asks the service to stop and waits up to {@code timeout} for it (a training start writes its cache then). */
    public void stop(Duration timeout) {
        if (!ChildProcess.stop(process, timeout)) {
            throw new IllegalStateException(name + " did not stop within " + timeout + "; see " + log);
        }
    }

    /** The start cache option this service was given by {@link #startupCache(Path)}; empty if none, or if its JVM options named one. */
    public List<String> startupCache() {
        return startupCache;
    }

    /** Kills the service as a crash would (SIGKILL): no shutdown hook, no graceful close of anything. */
    public void crash() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts the service again on the same port, database and settings, its log appended to the first one's. */
    public void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        process = builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** The running process's id, to read its memory or send it a signal. */
    public long pid() {
        return process.pid();
    }

    public URI uri(String path) {
        return URI.create((https ? "https" : "http") + "://127.0.0.1:" + port + path);
    }

    /** The address on plain HTTP, which a service serving HTTPS answers only if {@code SPOTTER_HTTP_INSECURE} allows. */
    public URI plainUri(String path) {
        return URI.create("http://127.0.0.1:" + plainPort + path);
    }

    /** A client for this service: one trusting the test certificates where it serves HTTPS. */
    public HttpClient httpClient() {
        return https ? HttpClient.newBuilder().sslContext(TestCertificates.shared().clientContext()).build() : HttpClient.newHttpClient();
    }

    /** Waits until the readiness check answers UP (database and Kafka reachable). */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = httpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        ChildProcess.stop(process);
    }
}
