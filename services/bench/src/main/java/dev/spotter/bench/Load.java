package dev.spotter.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The simulated clinics at work: every tablet's sessions, and stop-symptoms at a fixed rate across the platform, each
 * hitting a session that is inverted at that moment. Counts every session write by its answer.
 */
final class Load {

    /** How the clinics work: how many, how often a tablet writes, how long holds last, how often a symptom comes. */
    record Settings(int clinics, int tablets, int patientsPerTablet, Duration heartbeat, Duration angleEvery, Duration hold, int holds,
                    Duration rest, double symptomsPerSecond) {
    }

    private static final Duration SYMPTOM_PATIENCE = Duration.ofSeconds(90);

    final Settings settings;
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong unanswered = new AtomicLong();
    /** Refused writes by status and kind ({@code 409 holds}), so a refusal the load did not mean stands out. */
    final Map<String, AtomicLong> refusedBy = new ConcurrentHashMap<>();
    /** The first answer of each kind of refusal, to say why. */
    final Map<String, String> refusalSample = new ConcurrentHashMap<>();
    /** How long each accepted session write took to be answered, in microseconds (reset when the measured window opens). */
    final Histogram writeLatency = new ConcurrentHistogram(3);
    final List<Recording.SentSymptom> symptoms = Collections.synchronizedList(new ArrayList<>());
    private final BenchPlatform platform;
    private final Api api;
    private final Observer observer;
    private final Map<UUID, Tablet> inverted = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Thread> symptomSenders = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;
    private volatile boolean sendingSymptoms = true;

    Load(Settings settings, BenchPlatform platform, Api api, Observer observer) {
        this.settings = settings;
        this.platform = platform;
        this.api = api;
        this.observer = observer;
    }

    /**
     * Starts the tablets spread evenly over {@code rampUp}, as clinics do not all begin in the same second, each with its
     * patients ({@link BenchClinic#enrolled}).
     */
    void start(List<BenchClinic> clinics, Duration rampUp) {
        int count = clinics.size() * settings.tablets();
        int started = 0;
        for (BenchClinic clinic : clinics) {
            for (int i = 0; i < settings.tablets(); i++) {
                Tablet tablet = new Tablet(clinic, i, this, rampUp.multipliedBy(started++).dividedBy(count), clinic.enrolled.get(i));
                threads.add(Thread.ofVirtual().name("tablet-" + clinic.id + "-" + i).start(tablet));
            }
        }
        threads.add(Thread.ofVirtual().name("symptoms").start(this::sendSymptoms));
    }

    boolean running() {
        return running;
    }

    int invertedNow() {
        return inverted.size();
    }

    /** Stops the stop-symptoms and waits until every one sent has its answer; the tablets go on. */
    void stopSymptoms() throws InterruptedException {
        sendingSymptoms = false;
        for (Thread sender : List.copyOf(symptomSenders)) {
            sender.join();
        }
    }

    void stop() throws InterruptedException {
        running = false;
        stopSymptoms();
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(10));
        }
    }

    Api.Reply queued(BenchClinic clinic, String path, Object body, Duration patience) throws InterruptedException {
        long started = System.nanoTime();
        return count(path, api.postQueued(platform.uri("session-service", path), clinic.tablet, body, patience), started);
    }

    void heartbeat(BenchClinic clinic, UUID session) {
        long started = System.nanoTime();
        count("heartbeat", api.post(platform.uri("session-service", "/api/sessions/" + session + "/heartbeat"), clinic.tablet, Map.of()),
                started);
    }

    void changeAngle(BenchClinic clinic, UUID session, int angle) {
        long started = System.nanoTime();
        count("angle", api.putKeyed(platform.uri("session-service", "/api/sessions/" + session + "/angle"), clinic.tablet,
                Map.of("angleDegrees", angle)), started);
    }

    void inverted(UUID session, Tablet tablet) {
        inverted.put(session, tablet);
    }

    boolean stillInverted(UUID session) {
        return inverted.containsKey(session);
    }

    /** The tablet brings the patient upright: false if a stop-symptom took the session first. */
    boolean upright(UUID session) {
        return inverted.remove(session) != null;
    }

    private Api.Reply count(String what, Api.Reply reply, long startedNanos) {
        if (reply.ok()) {
            writeLatency.recordValue(Math.max(0, (System.nanoTime() - startedNanos) / 1000));
        }
        (reply.ok() ? accepted : reply.status() == 0 ? unanswered : refused).incrementAndGet();
        if (!reply.ok() && reply.status() != 0) {
            String kind = reply.status() + " " + what.substring(what.lastIndexOf('/') + 1);
            refusedBy.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            refusalSample.computeIfAbsent(kind, k -> String.valueOf(reply.body()));
        }
        return reply;
    }

    private void sendSymptoms() {
        long interval = (long) (1_000_000_000L / settings.symptomsPerSecond());
        long next = System.nanoTime();
        try {
            while (running) {
                next += interval;
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                if (sendingSymptoms) {
                    pickInverted().ifPresent(this::sendSymptom);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private java.util.Optional<Map.Entry<UUID, Tablet>> pickInverted() {
        List<UUID> candidates = new ArrayList<>(inverted.keySet());
        Collections.shuffle(candidates, ThreadLocalRandom.current());
        for (UUID session : candidates) {
            Tablet tablet = inverted.remove(session);
            if (tablet != null) {
                return java.util.Optional.of(Map.entry(session, tablet));
            }
        }
        return java.util.Optional.empty();
    }

    /** The tablet's stop-symptom, queued until answered as the app does; latency counts from the first attempt. */
    private void sendSymptom(Map.Entry<UUID, Tablet> target) {
        symptomSenders.add(Thread.ofVirtual().start(() -> {
            UUID session = target.getKey();
            Instant sentAt = Instant.now();
            observer.expect(session, sentAt);
            try {
                BenchClinic clinic = target.getValue().clinic;
                Api.Reply reply = queued(clinic, "/api/sessions/" + session + "/symptoms", Map.of("code", "chest-pain"), SYMPTOM_PATIENCE);
                symptoms.add(new Recording.SentSymptom(session, "chest-pain", sentAt, reply.status()));
                // the spotter brings the patient upright at once (else the silent-tablet watchdog would add its own cause)
                queued(clinic, "/api/sessions/" + session + "/upright", Map.of(), SYMPTOM_PATIENCE);
            } catch (InterruptedException e) {
                symptoms.add(new Recording.SentSymptom(session, "chest-pain", sentAt, 0));
            }
        }));
    }
}
