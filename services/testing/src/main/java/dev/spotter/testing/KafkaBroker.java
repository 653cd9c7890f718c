package dev.spotter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node Apache Kafka broker in KRaft mode, run as a child process from the broker's
 * jars (collected by {@code services/kafka-broker}). Used by tests and by the local run script:
 * {@code java -cp <broker lib>/*:<testing classes> dev.spotter.testing.KafkaBroker --port 9092 --dir .run/kafka}.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static KafkaBroker shared;

    private final Process process;
    private final int port;
    private final Path logFile;

    private KafkaBroker(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** One broker for the whole JVM, on free ports in a temporary directory; stopped when the JVM exits. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("spotter-kafka-");
                shared = start(dir, freePort(), freePort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "kafka-broker-stop"));
        }
        return shared;
    }

    /** Formats storage under {@code dir} (once) and starts the broker; returns when it answers. */
    public static KafkaBroker start(Path dir, int port, int controllerPort) throws IOException {
        String listeners = """
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                """.formatted(port, controllerPort);
        return start(dir, port, controllerPort, listeners, List.of(), Map.of());
    }

    /**
     * Starts a broker whose listeners and security are {@code listenerProperties}; {@code formatArguments} go to the
     * storage format (SCRAM users the broker needs before it runs), {@code clientSettings} to the client that waits for
     * it on {@code port}.
     */
    static KafkaBroker start(Path dir, int port, int controllerPort, String listenerProperties, List<String> formatArguments,
                             Map<String, Object> clientSettings) throws IOException {
        Path lib = brokerLib();
        Path config = dir.resolve("server.properties");
        Files.createDirectories(dir);
        Files.writeString(config, serverProperties(dir.resolve("data"), controllerPort) + listenerProperties);
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, LOG4J);
        Path logFile = dir.resolve("broker.log");
        if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(List.of("format", "--ignore-formatted", "--cluster-id=" + newClusterId(),
                    "--config", config.toString()));
            format.addAll(formatArguments);
            run(javaCommand(lib, log4j, "kafka.tools.StorageTool", format.toArray(String[]::new)), logFile);
        }
        Process process = new ProcessBuilder(javaCommand(lib, log4j, "kafka.Kafka", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        KafkaBroker broker = new KafkaBroker(process, port, logFile);
        broker.awaitReady(clientSettings);
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Suspends or resumes the broker process, for fault tests. */
    public void signal(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    @Override
    public void close() {
        ChildProcess.stop(process);
    }

    private void awaitReady(Map<String, Object> clientSettings) throws IOException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Map<String, Object> config = new HashMap<>(clientSettings);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(config)) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + "; its log:\n" + tail());
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    sleep(200);
                }
            }
        }
        close();
        throw new IllegalStateException("Kafka broker not ready within " + READY_TIMEOUT + "; its log:\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(logFile);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String serverProperties(Path data, int controllerPort) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                log.dirs=%2$s
                num.partitions=6
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=6
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(controllerPort, data);
    }

    private static final String LOG4J = """
            rootLogger.level=WARN
            rootLogger.appenderRef.stdout.ref=STDOUT
            appender.stdout.type=Console
            appender.stdout.name=STDOUT
            appender.stdout.layout.type=PatternLayout
            appender.stdout.layout.pattern=[%d] %p %m (%c)%n
            logger.kafka.name=kafka
            logger.kafka.level=INFO
            """;

    private static List<String> javaCommand(Path lib, Path log4j, String mainClass, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx512m",
                "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-cp", lib.toAbsolutePath() + "/*", mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static void run(List<String> command, Path logFile) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The folder holding the broker's jars: system property {@code testing.kafka.lib} or env {@code SPOTTER_KAFKA_LIB}. */
    static Path brokerLib() {
        String configured = System.getProperty("testing.kafka.lib", System.getenv("SPOTTER_KAFKA_LIB"));
        if (configured == null || !Files.isDirectory(Path.of(configured))) {
            throw new IllegalStateException("Kafka broker jars not found at '" + configured
                    + "': build them with ./mvnw -pl services/kafka-broker package, or set SPOTTER_KAFKA_LIB");
        }
        return Path.of(configured);
    }

    /** A random Kafka cluster id (URL-safe base64 of 16 bytes); passed as --cluster-id=..., since one may start with "-". */
    private static String newClusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a broker until the process is stopped: {@code --lib L --port P --controller-port C --dir D}. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        if (options.containsKey("lib")) {
            System.setProperty("testing.kafka.lib", options.get("lib"));
        }
        Path dir = Path.of(options.getOrDefault("dir", ".run/kafka")).toAbsolutePath();
        int port = Integer.parseInt(options.getOrDefault("port", "9092"));
        int controllerPort = Integer.parseInt(options.getOrDefault("controller-port", "9093"));
        KafkaBroker broker = start(dir, port, controllerPort);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
        System.out.println("Kafka broker ready at " + broker.bootstrapServers() + " (log: " + broker.logFile + ")");
        broker.process.waitFor();
    }
}
