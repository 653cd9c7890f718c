package dev.spotter.testing;

import dev.spotter.events.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * A real KRaft broker secured as in production: SCRAM-SHA-512 on a plain and on a TLS listener, mutual TLS on a third
 * (the principal is the certificate's CN), the StandardAuthorizer refusing whatever no ACL allows, one SCRAM user per
 * service with the ACLs of {@link KafkaAccess}, and Spotter's topics made by the administrator, not by the services.
 */
public final class SecuredKafkaBroker implements AutoCloseable {

    public static final String ADMIN = "admin";
    private static final String SCRAM = "SCRAM-SHA-512";
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaBroker broker;
    private final TestCertificates certificates;
    private final int scramPort;
    private final int scramTlsPort;
    private final int mutualTlsPort;
    private final String adminPassword;
    private final Map<String, String> passwords = new HashMap<>();

    private SecuredKafkaBroker(KafkaBroker broker, TestCertificates certificates, int scramPort, int scramTlsPort, int mutualTlsPort,
                               String adminPassword) {
        this.broker = broker;
        this.certificates = certificates;
        this.scramPort = scramPort;
        this.scramTlsPort = scramTlsPort;
        this.mutualTlsPort = mutualTlsPort;
        this.adminPassword = adminPassword;
    }

    /**
     * Starts the broker under {@code dir}, its TLS listeners on the server certificate of {@code certificates} and trusting
     * the services' client certificates; then creates the topics, the services' users and their ACLs.
     */
    public static SecuredKafkaBroker start(Path dir, TestCertificates certificates) throws Exception {
        int scramPort = KafkaBroker.freePort();
        int scramTlsPort = KafkaBroker.freePort();
        int mutualTlsPort = KafkaBroker.freePort();
        int controllerPort = KafkaBroker.freePort();
        String adminPassword = UUID.randomUUID().toString();
        String[] services = KafkaAccess.SERVICES.stream().map(KafkaAccess::service).toArray(String[]::new);
        String listeners = """
                listeners=SASL_PLAINTEXT://127.0.0.1:%1$d,SASL_SSL://127.0.0.1:%2$d,SSL://127.0.0.1:%3$d,CONTROLLER://127.0.0.1:%4$d
                advertised.listeners=SASL_PLAINTEXT://127.0.0.1:%1$d,SASL_SSL://127.0.0.1:%2$d,SSL://127.0.0.1:%3$d
                listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL,SSL:SSL,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=SASL_PLAINTEXT
                sasl.enabled.mechanisms=SCRAM-SHA-512
                sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
                listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=%5$s
                listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=%5$s
                ssl.keystore.type=PKCS12
                ssl.keystore.location=%6$s
                ssl.keystore.password=%8$s
                ssl.truststore.type=PKCS12
                ssl.truststore.location=%7$s
                ssl.truststore.password=%8$s
                listener.name.ssl.ssl.client.auth=required
                ssl.principal.mapping.rules=RULE:^CN=([^,]+)$/$1/,DEFAULT
                authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
                allow.everyone.if.no.acl.found=false
                # the controller listener is plain and local: its principal, ANONYMOUS, registers the broker with the controller
                super.users=User:%9$s;User:ANONYMOUS
                auto.create.topics.enable=false
                """.formatted(scramPort, scramTlsPort, mutualTlsPort, controllerPort, jaas(ADMIN, adminPassword),
                certificates.keyStore(TestCertificates.SERVER), certificates.trustStore(services), certificates.password(), ADMIN);
        List<String> adminUser = List.of("--add-scram", SCRAM + "=[name=" + ADMIN + ",password=" + adminPassword + "]");
        KafkaBroker broker = KafkaBroker.start(dir, scramPort, controllerPort, listeners, adminUser, scramSettings(ADMIN, adminPassword));
        SecuredKafkaBroker secured = new SecuredKafkaBroker(broker, certificates, scramPort, scramTlsPort, mutualTlsPort, adminPassword);
        try {
            secured.setUp();
        } catch (Exception e) {
            secured.close();
            throw e;
        }
        return secured;
    }

    /** Client settings of the administrator (a super user) on the SCRAM listener. */
    public Map<String, Object> adminSettings() {
        Map<String, Object> settings = new HashMap<>(scramSettings(ADMIN, adminPassword));
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + scramPort);
        return settings;
    }

    public String password(String service) {
        return passwords.get(service);
    }

    /** The variables a service needs for SCRAM on the plain listener (as on a network already encrypted). */
    public Map<String, String> scramEnvironment(String service) {
        return Map.of("SPOTTER_KAFKA_BOOTSTRAP", "127.0.0.1:" + scramPort,
                "SPOTTER_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "SPOTTER_KAFKA_USER", service,
                "SPOTTER_KAFKA_PASSWORD", password(service));
    }

    /** The variables a service needs for SCRAM over TLS, trusting the broker's certificate: production's default. */
    public Map<String, String> scramTlsEnvironment(String service) {
        return Map.of("SPOTTER_KAFKA_BOOTSTRAP", "127.0.0.1:" + scramTlsPort,
                "SPOTTER_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "SPOTTER_KAFKA_USER", service,
                "SPOTTER_KAFKA_PASSWORD", password(service),
                "SPOTTER_KAFKA_TRUSTSTORE", certificates.trustStore(TestCertificates.SERVER).toString(),
                "SPOTTER_KAFKA_TRUSTSTORE_PASSWORD", certificates.password());
    }

    /** The variables a service needs for mutual TLS: its client certificate is its identity. */
    public Map<String, String> mutualTlsEnvironment(String service) {
        return Map.of("SPOTTER_KAFKA_BOOTSTRAP", "127.0.0.1:" + mutualTlsPort,
                "SPOTTER_KAFKA_SECURITY_PROTOCOL", "SSL",
                "SPOTTER_KAFKA_TRUSTSTORE", certificates.trustStore(TestCertificates.SERVER).toString(),
                "SPOTTER_KAFKA_TRUSTSTORE_PASSWORD", certificates.password(),
                "SPOTTER_KAFKA_KEYSTORE", certificates.keyStore(service).toString(),
                "SPOTTER_KAFKA_KEYSTORE_PASSWORD", certificates.password());
    }

    @Override
    public void close() {
        broker.close();
    }

    /** Topics, users and ACLs as an operator makes them; returns once the broker enforces all of them. */
    private void setUp() throws Exception {
        List<AclBinding> acls = new ArrayList<>();
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        for (KafkaAccess access : KafkaAccess.SERVICES) {
            passwords.put(access.service(), UUID.randomUUID().toString().replace("-", ""));
            users.add(new UserScramCredentialUpsertion(access.service(), new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                    password(access.service())));
            acls.addAll(access.aclBindings());
        }
        List<NewTopic> topics = new ArrayList<>(Topics.all().stream().map(t -> new NewTopic(t.name(), 3, (short) 1)).toList());
        KafkaAccess.SERVICES.stream().flatMap(a -> a.writes().stream()).filter(name -> name.endsWith(".dlq"))
                .forEach(name -> topics.add(new NewTopic(name, 3, (short) 1)));
        try (Admin admin = Admin.create(adminSettings())) {
            admin.createTopics(topics).all().get(SETUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            admin.alterUserScramCredentials(users).all().get(SETUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(SETUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            awaitEnforced(admin, users.size(), acls.size());
        }
    }

    /** The controller has taken users and ACLs; the broker applies them a moment later. */
    private static void awaitEnforced(Admin admin, int users, int acls) throws Exception {
        Instant deadline = Instant.now().plus(SETUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            int knownUsers = admin.describeUserScramCredentials().all().get(5, TimeUnit.SECONDS).size();
            int knownAcls = admin.describeAcls(AclBindingFilter.ANY).values().get(5, TimeUnit.SECONDS).size();
            if (knownUsers > users && knownAcls >= acls) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the broker did not apply the services' users and ACLs within " + SETUP_TIMEOUT);
    }

    private static Map<String, Object> scramSettings(String user, String password) {
        return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, SCRAM,
                SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password));
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }
}
