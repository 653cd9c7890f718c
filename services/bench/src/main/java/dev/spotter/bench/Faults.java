package dev.spotter.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The faults, one after another while stop-symptoms stream: each service killed (SIGKILL) and started again, the
 * broker killed and started again, the broker paused for 10 s, PostgreSQL unreachable for 5 s.
 */
final class Faults {

    /**
     * One fault as it happened: what, and how long it took: a restart's time until ready, an outage's length. Whether
     * the platform took writes again afterwards shows in the progress lines that follow.
     */
    record Done(String fault, Duration recovery) {
    }

    private final BenchPlatform platform;
    private final Observer observer;
    private final Duration gap;
    private final Consumer<String> log;

    Faults(BenchPlatform platform, Observer observer, Duration gap, Consumer<String> log) {
        this.platform = platform;
        this.observer = observer;
        this.gap = gap;
        this.log = log;
    }

    List<Done> run() throws Exception {
        List<Done> done = new ArrayList<>();
        for (String service : List.of("session-service", "alert-service", "screening-service")) {
            done.add(timed("kill -9 " + service, () -> {
                Duration ready = platform.crashAndRestart(service);
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
        Done done = new Done(fault, step.apply());
        log.accept("  took " + done.recovery().toMillis() + " ms");
        return done;
    }
}
