package dev.spotter.testing;

import java.util.concurrent.TimeUnit;

/** Stops a child process the test support started: asks it to stop, and kills it if it has not within 15 s. */
final class ChildProcess {

    private ChildProcess() {
    }

    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
