package dev.spotter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One clinic tablet running sessions back to back for its own patients, enrolled before the load (each may have four
 * sessions a week; then the tablet registers a new one): the pre-check and start, holds
 * with a heartbeat every {@code heartbeat} and an angle change every {@code angleEvery}, coming upright, and the
 * post-check once the patient has sat long enough. A stop-symptom ({@link Load}) ends the session it hits.
 */
final class Tablet implements Runnable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** How long a tablet waits for a newly screened patient to be allowed to start, before taking the next one. */
    private static final Duration CLEARANCE_WAIT = Duration.ofMinutes(3);
    /** A refused start is tried again after 1 s, then 2, 4, 8 and 16 s: a clinic does not hammer a refusal. */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(16);
    /** The clinical rules' weekly limit: a patient's fifth session in seven days is refused. */
    private static final int SESSIONS_PER_PATIENT = 4;

    final BenchClinic clinic;
    private final int number;
    private final Load load;
    private final Duration startAfter;
    private final Deque<String> patients;
    private final Map<String, Integer> sessionsOf = new HashMap<>();
    private int registered;

    Tablet(BenchClinic clinic, int number, Load load, Duration startAfter, List<String> patients) {
        this.clinic = clinic;
        this.number = number;
        this.load = load;
        this.startAfter = startAfter;
        this.patients = new ArrayDeque<>(patients);
        this.registered = patients.size();
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
        String patient = nextPatient();
        JsonNode session = patient == null ? null : startWhenCleared(patient);
        if (session == null) {
            Thread.sleep(1000);
            return;
        }
        sessionsOf.merge(patient, 1, Integer::sum);
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

    /** The tablet's patients in turn, each until the weekly limit; then a newly registered one. */
    private String nextPatient() {
        while (!patients.isEmpty()) {
            String patient = patients.pollFirst();
            if (sessionsOf.getOrDefault(patient, 0) < SESSIONS_PER_PATIENT) {
                patients.addLast(patient);
                return patient;
            }
        }
        String patient = clinic.newClearedPatient(number * 1000 + ++registered);
        if (patient != null) {
            patients.addLast(patient);
        }
        return patient;
    }

    private JsonNode startWhenCleared(String patient) throws InterruptedException {
        Map<String, Object> preCheck = Map.of("patientId", patient, "spotter", "Sam Spotter",
                "bloodPressure", Map.of("systolic", 122, "diastolic", 76), "heartRate", 70, "painBefore", 4);
        long giveUp = System.nanoTime() + CLEARANCE_WAIT.toNanos();
        Duration backoff = Duration.ofSeconds(1);
        while (System.nanoTime() < giveUp && load.running()) {
            // a newly registered patient is refused until screening's events reach session-service
            Api.Reply started = load.queued(clinic, "/api/sessions", preCheck, PATIENCE);
            if (started.ok()) {
                return started.body();
            }
            String refusal = started.body().path("type").asText().replaceFirst(".*:", "");
            if (refusal.equals("weekly-limit") || refusal.equals("review-required")) {
                // no more sessions for this patient in this run: four this week, or a stop-symptom awaits a physician's review
                sessionsOf.put(patient, SESSIONS_PER_PATIENT);
                return null;
            }
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
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
