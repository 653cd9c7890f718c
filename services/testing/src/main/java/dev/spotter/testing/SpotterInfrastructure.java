package dev.spotter.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} the real infrastructure: a KRaft Kafka broker started from its jars,
 * a fresh PostgreSQL database (init arg {@code database}), and the key that verifies test tokens.
 * With {@code SPOTTER_TEST_DEVSERVICES=true} (a machine with Docker) it leaves Kafka and PostgreSQL
 * to Quarkus Dev Services instead. With {@code SPOTTER_KAFKA_BOOTSTRAP} it uses that broker.
 */
public class SpotterInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database = "spotter_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        // inline, so it replaces the key pair Quarkus generates for tests when no key is configured at build time
        config.put("mp.jwt.verify.publickey", TestTokens.publicKeyPem());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        if (usesDevServices()) {
            return config;
        }
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        config.put("quarkus.datasource.jdbc.url", PostgresDatabases.recreate(database));
        config.put("quarkus.datasource.username", PostgresDatabases.user());
        config.put("quarkus.datasource.password", PostgresDatabases.password());
        return config;
    }

    @Override
    public void stop() {
        // the broker is shared by every test of this JVM and stops with it
    }

    public static boolean usesDevServices() {
        return "true".equalsIgnoreCase(System.getenv("SPOTTER_TEST_DEVSERVICES"));
    }

    /** {@code SPOTTER_KAFKA_BOOTSTRAP} if set, else the JVM's own broker. */
    public static String kafkaBootstrapServers() {
        String external = System.getenv("SPOTTER_KAFKA_BOOTSTRAP");
        return external != null && !external.isBlank() ? external : KafkaBroker.shared().bootstrapServers();
    }
}
