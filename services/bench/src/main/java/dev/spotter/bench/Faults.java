package dev.spotter.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The faults, one after another while stop-symptoms stream: each service killed (SIGKILL) and started again, the
 * broker killed and started again, the broker paused for 10 s, PostgreSQL unreachable for 5 s.
 */
final class Faults {

    /**
     * One fault as it happened: what, how long it took (a restart's time until ready, an outage's length), and how long
     * after it the platform was whole again ({@link #awaitWhole}); null if it was not within {@link #WHOLE_WITHIN}.
     */
    record Done(String fault, Duration recovery, Duration whole) {
    }

    /** How long after a fault the platform must be whole again; after that it is reported as not whole. */
    static final Duration WHOLE_WITHIN = Duration.ofSeconds(90);

    private final BenchPlatform platform;
    private final Observer observer;
    private final Load load;
    private final Duration gap;
    private final Consumer<String> log;

    Faults(BenchPlatform platform, Observer observer, Load load, Duration gap, Consumer<String> log) {
        this.platform = platform;
        this.observer = observer;
        this.load = load;
        this.gap = gap;
        this.log = log;
    }

    List<Done> run() throws Exception {
        List<Done> done = new ArrayList<>();
        for (String service : List.of("session-service", "alert-service", "screening-service")) {
            done.add(timed("kill -9 " + service, () -> {
                Duration ready = platform.crashAndRestart(service);
                log.accept("  " + service + " started again: " + platform.startNotes.get(service));
                if (service.equals("alert-service")) {
                    observer.connect();
                }
                return ready;
            }));
        }
        done.add(timed("kill -9 the broker, start it again", () -> {
            long started = System.nanoTime();
            platform.broker().signal("KILL");
            platform.broker().close(); // returns once the killed process is gone, so its ports and lock are free
            platform.startBroker();
            return Duration.ofNanos(System.nanoTime() - started);
        }));
        done.add(timed("pause the broker 10 s (SIGSTOP, SIGCONT)", () -> {
            platform.broker().signal("STOP");
            Thread.sleep(10_000);
            platform.broker().signal("CONT");
            return Duration.ofSeconds(10);
        }));
        done.add(timed("PostgreSQL unreachable 5 s", () -> {
            platform.databaseProxy.cut();
            Thread.sleep(5_000);
            platform.databaseProxy.restore();
            return Duration.ofSeconds(5);
        }));
        return done;
    }

    private interface Step {
        Duration apply() throws Exception;
    }

    private Done timed(String fault, Step step) throws Exception {
        Thread.sleep(gap.toMillis());
        log.accept("fault: " + fault);
        Duration took = step.apply();
        Duration whole = awaitWhole(Instant.now());
        Done done = new Done(fault, took, whole);
        log.accept("  took " + took.toMillis() + " ms; " + (whole == null ? "NOT whole after " + WHOLE_WITHIN.toSeconds() + " s"
                : "whole again " + whole.toMillis() + " ms later"));
        return done;
    }

    /**
     * Waits until the platform is whole after a fault that ended at {@code since}: every service answers ready, a tablet's
     * write has been accepted, screening-service has registered a patient, and a stop-symptom sent after the fault has
     * paged its clinician. Answers how long that took, or null if not within {@link #WHOLE_WITHIN}.
     */
    private Duration awaitWhole(Instant since) throws InterruptedException {
        long writes = load.accepted.get();
        boolean registered = false;
        Instant giveUp = since.plus(WHOLE_WITHIN);
        while (Instant.now().isBefore(giveUp)) {
            registered = registered || platform.registersPatient();
            if (registered && platform.allReady() && load.accepted.get() > writes && observer.pagedSymptomSentAfter(since)) {
                return Duration.between(since, Instant.now());
            }
            Thread.sleep(100);
        }
        return null;
    }
}
