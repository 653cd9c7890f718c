package dev.spotter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One clinic tablet running sessions back to back, each for a newly screened patient: the pre-check and start, holds
 * with a heartbeat every {@code heartbeat} and an angle change every {@code angleEvery}, coming upright, and the
 * post-check once the patient has sat long enough. A stop-symptom ({@link Load}) ends the session it hits.
 */
final class Tablet implements Runnable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** How long a tablet waits for a newly screened patient to be allowed to start, before taking the next one. */
    private static final Duration CLEARANCE_WAIT = Duration.ofMinutes(3);

    final BenchClinic clinic;
    private final int number;
    private final Load load;
    private final Duration startAfter;
    private int patients;

    Tablet(BenchClinic clinic, int number, Load load, Duration startAfter) {
        this.clinic = clinic;
        this.number = number;
        this.load = load;
        this.startAfter = startAfter;
    }

    @Override
    public void run() {
        try {
            Thread.sleep(startAfter.toMillis());
            while (load.running()) {
                runSession();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runSession() throws InterruptedException {
        String patient = clinic.newClearedPatient(number * 1000 + ++patients);
        JsonNode session = patient == null ? null : startWhenCleared(patient);
        if (session == null) {
            Thread.sleep(1000);
            return;
        }
        UUID id = UUID.fromString(session.get("id").asText());
        int angle = session.get("angleDegrees").asInt();
        int hold = Math.min(session.get("holdSeconds").asInt(), (int) load.settings.hold().toSeconds());
        JsonNode upright = null;
        for (int i = 0; i < load.settings.holds() && load.running(); i++) {
            if (i > 0) {
                Thread.sleep(load.settings.rest().toMillis());
            }
            if (!load.queued(clinic, "/api/sessions/" + id + "/holds", Map.of("angleDegrees", angle), PATIENCE).ok() || !holdInverted(id, angle, Duration.ofSeconds(hold))) {
                return;
            }
            upright = load.queued(clinic, "/api/sessions/" + id + "/upright", Map.of(), PATIENCE).body();
        }
        if (upright != null && upright.hasNonNull("postCheckFrom")) {
            sleepUntil(Instant.parse(upright.get("postCheckFrom").asText()));
            load.queued(clinic, "/api/sessions/" + id + "/post-check", Map.of("bloodPressure", Map.of("systolic", 124, "diastolic", 78),
                    "heartRate", 72, "painAfter", 2, "spotterSignOff", "Sam Spotter"), PATIENCE);
        }
    }

    /** Inverted for {@code hold}; false when a stop-symptom took the session (it is over). */
    private boolean holdInverted(UUID id, int angle, Duration hold) throws InterruptedException {
        load.inverted(id, this);
        long now = System.nanoTime();
        long end = now + hold.toNanos();
        long nextHeartbeat = now + load.settings.heartbeat().toNanos();
        long nextAngle = now + load.settings.angleEvery().toNanos();
        int current = angle;
        while (true) {
            long wake = Math.min(end, Math.min(nextHeartbeat, nextAngle));
            Thread.sleep(Math.max(0, (wake - System.nanoTime()) / 1_000_000));
            if (!load.stillInverted(id)) {
                return false;
            }
            if (System.nanoTime() >= end) {
                return load.upright(id);
            }
            if (System.nanoTime() >= nextHeartbeat) {
                load.heartbeat(clinic, id);
                nextHeartbeat += load.settings.heartbeat().toNanos();
            }
            if (System.nanoTime() >= nextAngle) {
                current = current == angle ? angle - 5 : angle;
                load.changeAngle(clinic, id, current);
                nextAngle += load.settings.angleEvery().toNanos();
            }
        }
    }

    private JsonNode startWhenCleared(String patient) throws InterruptedException {
        Map<String, Object> preCheck = Map.of("patientId", patient, "spotter", "Sam Spotter",
                "bloodPressure", Map.of("systolic", 122, "diastolic", 76), "heartRate", 70, "painBefore", 4);
        long giveUp = System.nanoTime() + CLEARANCE_WAIT.toNanos();
        while (System.nanoTime() < giveUp && load.running()) {
            // refused until screening's events reach session-service
            Api.Reply started = load.queued(clinic, "/api/sessions", preCheck, PATIENCE);
            if (started.ok()) {
                return started.body();
            }
            Thread.sleep(1000);
        }
        return null;
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
