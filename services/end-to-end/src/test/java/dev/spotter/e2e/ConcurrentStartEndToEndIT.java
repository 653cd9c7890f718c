package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.testing.KafkaBroker;
import dev.spotter.testing.PostgresDatabases;
import dev.spotter.testing.ServiceProcess;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestTokens;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two replicas of a service started at the same moment on a fresh, empty database, as a Deployment's rollout or a
 * scale-up does: both come up, every migration is applied exactly once (Flyway's lock), row-level security is in place
 * on every clinic table (its own advisory lock), and the probes' endpoints answer. About 20 s per service.
 */
class ConcurrentStartEndToEndIT {

    private static final Path SERVICES = Path.of(System.getProperty("e2e.services.dir", "..")).toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"screening-service", "session-service", "alert-service"})
    void twoReplicasStartingTogetherOnAnEmptyDatabaseMigrateItOnce(String service) throws Exception {
        String database = "spotter_e2e_start_" + service.replace("-service", "");
        Map<String, String> environment = environment(service, PostgresDatabases.recreate(database));
        List<ServiceProcess> replicas = new ArrayList<>();
        try {
            for (int i = 1; i <= 2; i++) {
                replicas.add(ServiceProcess.start(service + "-start-" + i, SERVICES.resolve(service).resolve("target/quarkus-app"),
                        KafkaBroker.freePort(), environment, Path.of("target", "e2e-logs")));
            }
            for (ServiceProcess replica : replicas) {
                replica.awaitReady(Duration.ofSeconds(180));
                for (String probe : List.of("/q/health/started", "/q/health/live", "/q/health/ready")) {
                    HttpResponse<String> answer = replica.httpClient().send(HttpRequest.newBuilder(replica.uri(probe)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode()).as("%s %s", service, probe).isEqualTo(200);
                }
            }
            try (Connection db = DriverManager.getConnection(environment.get("SPOTTER_DB_URL"), PostgresDatabases.user(),
                    PostgresDatabases.password()); Statement sql = db.createStatement()) {
                assertThat(strings(sql, "SELECT script FROM flyway_schema_history WHERE script LIKE '%.sql'"))
                        .as("each migration once").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(migrations(service));
                assertThat(strings(sql, "SELECT script FROM flyway_schema_history WHERE NOT success")).isEmpty();
                assertThat(strings(sql, """
                        SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'clinic_id'
                        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'
                        AND NOT (c.relrowsecurity AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid
                        AND p.polname = 'clinic_isolation'))""")).as("clinic tables without row-level security").isEmpty();
            }
        } finally {
            replicas.forEach(ServiceProcess::close);
        }
    }

    private static Map<String, String> environment(String service, String databaseUrl) {
        Map<String, String> env = new HashMap<>(Map.of(
                "SPOTTER_DB_URL", databaseUrl,
                "SPOTTER_DB_USER", PostgresDatabases.user(),
                "SPOTTER_DB_PASSWORD", PostgresDatabases.password(),
                "SPOTTER_KAFKA_BOOTSTRAP", SpotterInfrastructure.kafkaBootstrapServers(),
                "SPOTTER_JWT_PUBLIC_KEY", TestTokens.publicKeyFile().toString()));
        if (service.equals("alert-service")) {
            env.put("SPOTTER_SECRET_KEY", Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)));
        }
        return env;
    }

    /** The service's migration scripts and the platform's, named as in Flyway's history: by location and file. */
    private static List<String> migrations(String service) throws IOException {
        TreeSet<String> scripts = new TreeSet<>();
        Map<String, Path> locations = Map.of("db/migration", SERVICES.resolve(service).resolve("src/main/resources/db/migration"),
                "db/platform", SERVICES.resolve("platform/src/main/resources/db/platform"));
        for (Map.Entry<String, Path> location : locations.entrySet()) {
            try (Stream<Path> files = Files.list(location.getValue())) {
                files.map(f -> location.getKey() + "/" + f.getFileName()).filter(f -> f.endsWith(".sql")).forEach(scripts::add);
            }
        }
        return List.copyOf(scripts);
    }

    private static List<String> strings(Statement sql, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
