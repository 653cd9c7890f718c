package dev.spotter.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * What a run found, printed as it goes and written at the end to {@code results.md} (figures, each next to its target
 * and its ratio to the floor), {@code latency.svg} (the distribution) and one {@code .hgrm} per histogram.
 */
final class BenchReport {

    private static final double TARGET_P99_MS = 100;
    private static final double TARGET_RATIO = 10;

    final Path dir;
    private final StringBuilder text = new StringBuilder();
    private Histogram kafkaFloor;
    private Histogram postgresFloor;

    BenchReport(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    void log(String line) {
        System.out.println(Instant.now() + " " + line);
    }

    void settings(Load.Settings settings, Duration warmUp, Duration measure, boolean faults) {
        section("Run");
        add("- started %s on %s".formatted(Instant.now(), machine()));
        add("- load: %d clinics x %d tablets, %d patients enrolled per tablet before the load; heartbeat every %s s while inverted,"
                .formatted(settings.clinics(), settings.tablets(), settings.patientsPerTablet(), seconds(settings.heartbeat()))
                + " an angle change every %s s, holds of up to %s s, %d holds per session %s s apart, post-check when allowed;"
                .formatted(seconds(settings.angleEvery()), seconds(settings.hold()), settings.holds(), seconds(settings.rest()))
                + " %.2f stop-symptoms per second across the platform".formatted(settings.symptomsPerSecond()));
        add("- warm-up %d s, measured %d s%s".formatted(warmUp.toSeconds(), measure.toSeconds(), faults ? ", then the faults" : ""));
    }

    void readyAfter(Map<String, Duration> ready, Map<String, String> notes) {
        section("Start to ready (target <= 3 s each)");
        ready.forEach((service, took) -> add("- %s: %.2f s %s (%s)".formatted(service, took.toMillis() / 1000.0, met(took.toMillis() <= 3000),
                notes.get(service))));
    }

    void idleFloor(Floor floor) {
        section("Floor, idle platform (before the load)");
        Histogram kafka = floor.kafka.getIntervalHistogram();
        Histogram postgres = floor.postgres.getIntervalHistogram();
        add("- Kafka produce-to-consume round trip: " + percentiles(kafka));
        add("- PostgreSQL commit of one row: " + percentiles(postgres));
        hgrm("floor-idle-kafka", kafka);
        hgrm("floor-idle-postgres", postgres);
    }

    void resident(Map<String, Long> mib) {
        section("Resident memory after warm-up (VmRSS; target <= 250 MB each)");
        mib.forEach((service, size) -> add("- %s: %d MiB %s".formatted(service, size, met(size * 1024 * 1024 <= 250_000_000L))));
    }

    void measured(double eventsPerSecond, Histogram writes, List<Backlog.Sample> samples, Floor floor) {
        section("Session events, measured window");
        add("- %.1f session writes accepted per second (every tablet write: start, hold, angle, heartbeat, upright, symptom, post-check)"
                .formatted(eventsPerSecond) + " " + met(eventsPerSecond >= 1000) + " against >= 1,000/s");
        add("- each write's answer, as the tablet waited for it: " + percentiles(writes));
        hgrm("session-writes", writes);
        add("- backlog every 10 s (session-service outbox rows unpublished / alert-service lag on spotter.session-events): "
                + samples.stream().map(s -> s.outbox() + "/" + s.consumerLag()).collect(Collectors.joining(", ")));
        kafkaFloor = floor.kafka.getIntervalHistogram();
        postgresFloor = floor.postgres.getIntervalHistogram();
        section("Floor under the same load, same window");
        add("- Kafka produce-to-consume round trip: " + percentiles(kafkaFloor));
        add("- PostgreSQL commit of one row: " + percentiles(postgresFloor));
        hgrm("floor-kafka", kafkaFloor);
        hgrm("floor-postgres", postgresFloor);
    }

    void faults(List<Faults.Done> done) {
        section("Faults, while stop-symptoms streamed");
        done.forEach(fault -> add("- %s: %.2f s (a restart: until ready; an outage: its length); %s"
                .formatted(fault.fault(), fault.recovery().toMillis() / 1000.0, fault.whole() == null
                        ? "**NOT whole** %d s later (a service not ready, or no write, registration or page went through)"
                        .formatted(Faults.WHOLE_WITHIN.toSeconds())
                        : "whole again %.2f s later (ready, a tablet write, a registration and a stop-symptom's page went through)"
                        .formatted(fault.whole().toMillis() / 1000.0))));
    }

    void check(DeliveryCheck.Verdict verdict, Load load) {
        section("Delivery check (every accepted stop-symptom: exactly one alert, exactly one first page)");
        long refused = load.symptoms.stream().filter(symptom -> symptom.status() / 100 != 2).count();
        add("- " + verdict.summary() + "; %d stop-symptoms not accepted by the API".formatted(refused));
        add("- session writes over the whole run: %d accepted, %d refused (%s), %d unanswered".formatted(load.accepted.get(),
                load.refused.get(), load.refusedBy, load.unanswered.get()));
        load.refusalSample.forEach((kind, body) -> add("- first %s: %s".formatted(kind, body.length() > 300 ? body.substring(0, 300) : body)));
        add("- " + (verdict.clean() ? "PASS: nothing lost, nothing duplicated" : "FAIL"));
        if (!verdict.clean()) {
            add("- without an alert: " + first(verdict.withoutAlert()));
            add("- without a first page: " + first(verdict.withoutFirstPage()));
            add("- two or more alerts: " + first(List.copyOf(verdict.duplicatedAlerts().keySet())));
            add("- two or more first pages: " + first(List.copyOf(verdict.duplicatedFirstPages().keySet())));
        }
    }

    /** The recording the check ran on, as JSON, so a verdict can be looked into afterwards. */
    void recording(Recording recording) {
        try {
            write("recording.json", new ObjectMapper().registerModule(new JavaTimeModule()).writerWithDefaultPrettyPrinter().writeValueAsString(recording));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void latency(Observer observer) {
        Histogram console = observer.toConsole.get(Observer.Phase.MEASURED);
        Histogram webhook = observer.toWebhook.get(Observer.Phase.MEASURED);
        section("Stop-symptom to clinician, measured window (target p99 <= 100 ms and <= 10x the floor's p99)");
        double floor = kafkaFloor == null ? Double.NaN : (kafkaFloor.getValueAtPercentile(99) + postgresFloor.getValueAtPercentile(99)) / 1000.0;
        add("- floor p99 = Kafka round trip p99 + PostgreSQL commit p99, under load: %.2f ms".formatted(floor));
        add("- to the console stream: " + percentiles(console) + "; " + ratio(console, floor));
        add("- to the webhook (first page): " + percentiles(webhook) + "; " + ratio(webhook, floor));
        Histogram faultConsole = observer.toConsole.get(Observer.Phase.FAULTS);
        if (faultConsole.getTotalCount() > 0) {
            add("- during the faults, to the console stream: " + percentiles(faultConsole));
            add("- during the faults, to the webhook: " + percentiles(observer.toWebhook.get(Observer.Phase.FAULTS)));
        }
        hgrm("alert-console", console);
        hgrm("alert-webhook", webhook);
        write("latency.svg", LatencyPlot.svg("Stop-symptom to clinician, and the floor (measured window)", List.of(
                new LatencyPlot.Line("symptom to console stream", "#c0392b", console),
                new LatencyPlot.Line("symptom to webhook page", "#8e44ad", webhook),
                new LatencyPlot.Line("floor: Kafka round trip", "#2980b9", kafkaFloor == null ? new Histogram(3) : kafkaFloor),
                new LatencyPlot.Line("floor: PostgreSQL commit", "#27ae60", postgresFloor == null ? new Histogram(3) : postgresFloor))));
    }

    void write() {
        add("");
        add("Load average at the end: " + read("/proc/loadavg").trim() + " (other work on the machine makes the figures noisy)");
        write("results.md", text.toString());
        log("written to " + dir);
    }

    private static String ratio(Histogram latency, double floorMs) {
        double p99 = latency.getValueAtPercentile(99) / 1000.0;
        double ratio = p99 / floorMs;
        return "p99 %.2f ms is %.1fx the floor %s".formatted(p99, ratio, met(latency.getTotalCount() > 0 && p99 <= TARGET_P99_MS && ratio <= TARGET_RATIO));
    }

    /** A duration in seconds as a person writes it: 15, 0.3. */
    private static String seconds(Duration duration) {
        return java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private static String percentiles(Histogram histogram) {
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (%d samples)",
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getValueAtPercentile(99.9) / 1000.0, histogram.getMaxValue() / 1000.0, histogram.getTotalCount());
    }

    private static String met(boolean met) {
        return met ? "(met)" : "(NOT met)";
    }

    private static String first(List<?> ids) {
        return ids.isEmpty() ? "none" : ids.stream().limit(20).map(Object::toString).collect(Collectors.joining(", "))
                + (ids.size() > 20 ? " and %d more".formatted(ids.size() - 20) : "");
    }

    private static String machine() {
        String cpu = read("/proc/cpuinfo").lines().filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        String memory = read("/proc/meminfo").lines().findFirst().orElse("").replaceAll("\\s+", " ");
        return "%d cores (%s), %s, %s %s, Java %s".formatted(Runtime.getRuntime().availableProcessors(), cpu, memory,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"));
    }

    private void hgrm(String name, Histogram histogram) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        histogram.outputPercentileDistribution(new PrintStream(out, true, StandardCharsets.UTF_8), 1000.0);
        write(name + ".hgrm", out.toString(StandardCharsets.UTF_8));
    }

    private void section(String title) {
        add("");
        add("## " + title);
        add("");
    }

    private void add(String line) {
        text.append(line).append('\n');
        System.out.println(line);
    }

    private void write(String file, String content) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
