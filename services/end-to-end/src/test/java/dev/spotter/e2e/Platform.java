package dev.spotter.e2e;

import dev.spotter.testing.KafkaBroker;
import dev.spotter.testing.PostgresDatabases;
import dev.spotter.testing.ServiceProcess;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestTokens;
import dev.spotter.testing.WebhookReceiver;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The three packaged services, started as processes on the real broker and fresh PostgreSQL databases, sending their
 * spans to a collector of the platform's own.
 */
final class Platform implements AutoCloseable {

    final ServiceProcess screening;
    final ServiceProcess session;
    final ServiceProcess alert;
    /** Each service's database (JDBC URL) by service name, for tests that look at the rows themselves. */
    final Map<String, String> databases;
    /** A pager gateway that takes every page at once, for the clinics tests give a roster; it lives as long as the services. */
    final WebhookReceiver pager = WebhookReceiver.start();
    /** The collector every service sends its spans to (OTLP over HTTP); it lives as long as the services. */
    final TraceReceiver traces;
    private final List<ServiceProcess> all = new ArrayList<>();
    private final Map<String, String> alertEnvironment;

    private Platform(TraceReceiver traces, ServiceProcess screening, ServiceProcess session, ServiceProcess alert,
                     Map<String, String> databases, Map<String, String> alertEnvironment) {
        this.traces = traces;
        this.alertEnvironment = alertEnvironment;
        this.databases = databases;
        this.screening = screening;
        this.session = session;
        this.alert = alert;
        all.addAll(List.of(screening, session, alert));
    }

    private static Platform shared;

    /** One platform for every end-to-end test of this JVM, stopped when the JVM exits. */
    static synchronized Platform shared() throws Exception {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "platform-stop"));
        }
        return shared;
    }

    private static Platform start() throws Exception {
        String kafka = SpotterInfrastructure.kafkaBootstrapServers();
        return start("spotter_e2e_", service -> Map.of("SPOTTER_KAFKA_BOOTSTRAP", kafka));
    }

    /**
     * The three services on fresh databases named {@code databasePrefix} and the service's short name, each with the
     * variables {@code transport} gives it: the broker and how to reach it, and HTTPS if it names a certificate; and
     * spans sent to a {@link TraceReceiver} of the platform's own.
     */
    static Platform start(String databasePrefix, Function<String, Map<String, String>> transport) throws Exception {
        TraceReceiver traces = TraceReceiver.start();
        try {
            return start(databasePrefix, transport, traces);
        } catch (Exception | Error e) {
            traces.close();
            throw e;
        }
    }

    private static Platform start(String databasePrefix, Function<String, Map<String, String>> transport, TraceReceiver traces)
            throws Exception {
        Path services = Path.of(System.getProperty("e2e.services.dir", "..")).toAbsolutePath().normalize();
        Map<String, String> tracing = traces.serviceEnvironment();
        Path logs = Path.of("target", "e2e-logs");
        int screeningPort = KafkaBroker.freePort();
        int sessionPort = KafkaBroker.freePort();
        String scheme = transport.apply("session-service").containsKey("SPOTTER_HTTP_TLS_CERT") ? "https" : "http";
        // the tablet app, served by session-service, reads patient names from screening-service across origins
        Map<String, String> screeningEnvironment = environment("screening-service", databasePrefix, transport,
                with(tracing, Map.of("SPOTTER_CORS_ORIGINS", scheme + "://127.0.0.1:" + sessionPort)));
        Map<String, String> sessionEnvironment = environment("session-service", databasePrefix, transport,
                with(tracing, Map.of("SPOTTER_TABLET_SCREENING_URL", scheme + "://127.0.0.1:" + screeningPort)));
        ServiceProcess screening = start("screening-service", screeningPort, services, logs, screeningEnvironment);
        ServiceProcess session = start("session-service", sessionPort, services, logs, sessionEnvironment);
        // the tests' webhook receivers listen on this machine over plain http, which production refuses
        Map<String, String> alertEnvironment = environment("alert-service", databasePrefix, transport, with(tracing, Map.of(
                "SPOTTER_WEBHOOK_PRIVATE_NETWORKS", "true",
                "SPOTTER_SECRET_KEY", Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)))));
        ServiceProcess alert = start("alert-service", KafkaBroker.freePort(), services, logs, alertEnvironment);
        Map<String, String> databases = Map.of(
                "screening-service", screeningEnvironment.get("SPOTTER_DB_URL"),
                "session-service", sessionEnvironment.get("SPOTTER_DB_URL"),
                "alert-service", alertEnvironment.get("SPOTTER_DB_URL"));
        Platform platform = new Platform(traces, screening, session, alert, databases, alertEnvironment);
        try {
            for (ServiceProcess service : platform.all) {
                service.awaitReady(Duration.ofSeconds(180));
            }
        } catch (Exception e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    private static ServiceProcess start(String name, int port, Path services, Path logs, Map<String, String> environment)
            throws Exception {
        return ServiceProcess.start(name, services.resolve(name).resolve("target/quarkus-app"), port, environment, logs);
    }

    private static Map<String, String> with(Map<String, String> some, Map<String, String> more) {
        Map<String, String> both = new HashMap<>(some);
        both.putAll(more);
        return both;
    }

    /** A service's settings: a fresh database of its own, the key that checks tokens, the transport's and {@code extra}. */
    private static Map<String, String> environment(String name, String databasePrefix, Function<String, Map<String, String>> transport,
                                                   Map<String, String> extra) {
        String database = databasePrefix + name.replace("-service", "");
        Map<String, String> env = new HashMap<>(extra);
        env.putAll(transport.apply(name));
        env.putAll(Map.of(
                "SPOTTER_DB_URL", PostgresDatabases.recreate(database),
                "SPOTTER_DB_USER", PostgresDatabases.user(),
                "SPOTTER_DB_PASSWORD", PostgresDatabases.password(),
                "SPOTTER_JWT_PUBLIC_KEY", TestTokens.publicKeyFile().toString()));
        return Map.copyOf(env);
    }

    /** The three services by name, in the order they were started. */
    Map<String, ServiceProcess> services() {
        Map<String, ServiceProcess> byName = new LinkedHashMap<>();
        byName.put("screening-service", screening);
        byName.put("session-service", session);
        byName.put("alert-service", alert);
        return byName;
    }

    /**
     * A second replica of alert-service: same database, broker and consumer groups, its own port and log; the caller
     * closes it.
     */
    ServiceProcess anotherAlertService() throws Exception {
        Path services = Path.of(System.getProperty("e2e.services.dir", "..")).toAbsolutePath().normalize();
        ServiceProcess replica = ServiceProcess.start("alert-service-2", services.resolve("alert-service/target/quarkus-app"),
                KafkaBroker.freePort(), alertEnvironment, Path.of("target", "e2e-logs"));
        replica.awaitReady(Duration.ofSeconds(120));
        return replica;
    }

    @Override
    public void close() {
        all.forEach(ServiceProcess::close);
        pager.close();
        traces.close();
    }
}
