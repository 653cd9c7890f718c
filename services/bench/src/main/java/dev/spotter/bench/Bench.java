package dev.spotter.bench;

import dev.spotter.testing.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark and fault harness (run by {@code deploy/local/bench.sh}): simulated clinics against the three packaged
 * services, the real broker and PostgreSQL; alert latency next to the raw floor measured in the same run; then, with
 * {@code --faults}, crashes and outages while stop-symptoms stream, and the check that none was lost or doubled.
 */
public final class Bench {

    private static final Duration DRAIN = Duration.ofSeconds(120);
    /** The JVM options the services run with unless {@code --service-jvm-options} says otherwise: production's. */
    private static final String DEFAULT_JVM_OPTIONS = "@deploy/jvm.options";

    private final Map<String, String> options;
    private final BenchReport report;

    private Bench(Map<String, String> options) {
        this.options = options;
        this.report = new BenchReport(Path.of(option("out", "target/bench")));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("not an option: " + args[i]);
            }
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            options.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        new Bench(options).run();
        System.exit(0);
    }

    /**
     * The services' JVM options as given, with an {@code @argument} file named relative to where the harness runs made
     * absolute: each service runs from its own folder, where the relative name would not be found.
     */
    static List<String> serviceJvmOptions(String given) {
        return Arrays.stream(given.trim().split("\\s+"))
                .map(option -> option.startsWith("@") ? "@" + Path.of(option.substring(1)).toAbsolutePath() : option)
                .toList();
    }

    private void run() throws Exception {
        Load.Settings settings = new Load.Settings(number("clinics", 10), number("tablets", 10), number("patients-per-tablet", 2),
                seconds("heartbeat", 15),
                seconds("angle-every", 20), seconds("hold", 60), number("holds", 2), seconds("rest", 20),
                Double.parseDouble(option("symptoms-per-second", "2")));
        report.settings(settings, seconds("warm-up", 60), seconds("measure", 120), Boolean.parseBoolean(option("faults", "false")));
        boolean faults = Boolean.parseBoolean(option("faults", "false"));
        List<String> jvmOptions = serviceJvmOptions(option("service-jvm-options", DEFAULT_JVM_OPTIONS));
        report.log("services run with: " + String.join(" ", jvmOptions));
        boolean aotCache = Boolean.parseBoolean(option("aot-cache", "true"));
        try (BenchPlatform platform = BenchPlatform.start(Path.of(option("services", "services")), report.dir.resolve("run"), jvmOptions,
                faults, aotCache, report::log);
             WebhookReceiver hooks = WebhookReceiver.start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "bench-stop"));
            report.log("ready: " + platform.readyAfter);
            report.readyAfter(platform.readyAfter, platform.startNotes);
            Floor idle = new Floor(platform.bootstrapServers());
            idle.measure(Duration.ofSeconds(15), Duration.ofMillis(20));
            report.idleFloor(idle);
            Api api = new Api();
            List<BenchClinic> clinics = new ArrayList<>();
            for (int i = 1; i <= settings.clinics(); i++) {
                BenchClinic clinic = new BenchClinic("bench-%03d".formatted(i), platform, api);
                clinic.setUpRoster(hooks);
                clinics.add(clinic);
            }
            enrol(platform, clinics, settings);
            try (Observer observer = new Observer(platform, api, clinics, hooks); Backlog backlog = new Backlog(platform.bootstrapServers())) {
                Load load = new Load(settings, platform, api, observer);
                load.start(clinics, seconds("warm-up", 60).dividedBy(2));
                watch(load, backlog, seconds("warm-up", 60), null);
                Map<String, Long> resident = new LinkedHashMap<>();
                for (String service : platform.services.keySet()) {
                    resident.put(service, platform.residentMiB(service));
                }
                report.resident(resident);
                measure(platform, load, observer, backlog);
                if (faults) {
                    observer.phase(Observer.Phase.FAULTS);
                    report.faults(new Faults(platform, observer, load, seconds("fault-gap", 20), report::log).run());
                    watch(load, backlog, seconds("fault-gap", 20), null);
                }
                load.stopSymptoms();
                Instant giveUp = Instant.now().plus(DRAIN);
                while (!observer.allPaged(load.symptoms) && Instant.now().isBefore(giveUp)) {
                    Thread.sleep(500);
                }
                if (!observer.allPaged(load.symptoms)) {
                    report.log("not every accepted stop-symptom paged within " + DRAIN + ": thread dumps in the logs folder");
                    platform.threadDumps();
                }
                load.stop();
                Recording recording = observer.recording(List.copyOf(load.symptoms));
                report.recording(recording);
                report.check(DeliveryCheck.check(recording), load);
                report.latency(observer);
            }
        }
        report.write();
    }

    /**
     * The clinics' patients, registered and screened before the load (eight clinics at a time) as a clinic's patients
     * are before their first session, then a wait until session-service has heard of every one.
     */
    private void enrol(BenchPlatform platform, List<BenchClinic> clinics, Load.Settings settings) throws Exception {
        long started = System.nanoTime();
        try (ExecutorService enrolling = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (BenchClinic clinic : clinics) {
                done.add(enrolling.submit(() -> clinic.enrol(settings.tablets(), settings.patientsPerTablet())));
            }
            for (Future<?> each : done) {
                each.get();
            }
        }
        long expected = (long) clinics.size() * settings.tablets() * settings.patientsPerTablet();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        long known;
        while ((known = platform.eligiblePatients()) < expected && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
        }
        report.log("enrolled %d patients in %.1f s; session-service knows %d of them as cleared"
                .formatted(expected, (System.nanoTime() - started) / 1e9, known));
    }

    private void measure(BenchPlatform platform, Load load, Observer observer, Backlog backlog) throws Exception {
        Duration window = seconds("measure", 120);
        observer.phase(Observer.Phase.MEASURED);
        Floor underLoad = new Floor(platform.bootstrapServers());
        Thread floor = Thread.ofPlatform().name("floor").start(() -> {
            try {
                underLoad.measure(window, Duration.ofMillis(20));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long events = load.accepted.get();
        load.writeLatency.reset();
        long started = System.nanoTime();
        List<Backlog.Sample> samples = new ArrayList<>();
        watch(load, backlog, window, samples);
        double perSecond = (load.accepted.get() - events) / ((System.nanoTime() - started) / 1e9);
        observer.phase(Observer.Phase.WARM_UP);
        floor.join();
        report.measured(perSecond, load.writeLatency.copy(), samples, underLoad);
    }

    /** Waits {@code duration}, saying every 10 s how the load goes; keeps the backlog samples if given a list. */
    private void watch(Load load, Backlog backlog, Duration duration, List<Backlog.Sample> samples) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        long last = load.accepted.get();
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            Backlog.Sample sample = backlog.sample();
            if (samples != null) {
                samples.add(sample);
            }
            long now = load.accepted.get();
            load.refusalSample.forEach((kind, body) -> report.log("  first " + kind + ": " + body));
            report.log("events accepted %d (+%d), refused %d, unanswered %d; inverted now %d; symptoms sent %d; outbox %d, lag %d"
                    .formatted(now, now - last, load.refused.get(), load.unanswered.get(), load.invertedNow(), load.symptoms.size(),
                            sample.outbox(), sample.consumerLag()));
            last = now;
        }
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int number(String name, int fallback) {
        return Integer.parseInt(option(name, Integer.toString(fallback)));
    }

    private Duration seconds(String name, int fallback) {
        return Duration.ofMillis((long) (Double.parseDouble(option(name, Integer.toString(fallback))) * 1000));
    }
}
