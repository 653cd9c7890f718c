package dev.spotter.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stops a child process the test support started: asks it to stop, and kills it if it has not within a while. */
final class ChildProcess {

    private static final Duration USUAL_WAIT = Duration.ofSeconds(15);

    private ChildProcess() {
    }

    static void stop(Process process) {
        stop(process, USUAL_WAIT);
    }

    /** Asks the process to stop and waits up to {@code timeout}; answers false if it had to be killed. */
    static boolean stop(Process process, Duration timeout) {
        process.destroy();
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
