package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.testing.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** What a clinic's staff do through the APIs, step by step, in the end-to-end tests (northside unless named). */
final class Clinic {

    static final String ADMIN = TestTokens.issue("admin.north", "northside", "clinic-admin");
    static final String TABLET = TestTokens.issue("tablet.north", "northside", "tablet");
    static final String CLINICIAN = TestTokens.issue("dr.north", "northside", "clinician");
    static final String RIVER_CLINICIAN = TestTokens.issue("dr.river", "riverside", "clinician");
    static final Duration PROPAGATION = Duration.ofSeconds(5);

    final String id;
    /**
     * Its staff's tokens, by role; its users are named {@code tablet.<users>}, {@code dr.<users>} and {@code admin.<users>},
     * and {@code ops.<users>} of operations staff (whose token names no clinic).
     */
    final Map<String, String> tokens;
    private final String users;
    private final Platform platform;

    Clinic(Platform platform) {
        this(platform, "northside", "north");
    }

    Clinic(Platform platform, String id, String users) {
        this.platform = platform;
        this.id = id;
        this.users = users;
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("tablet", TestTokens.issue("tablet." + users, id, "tablet"));
        tokens.put("clinician", TestTokens.issue("dr." + users, id, "clinician"));
        tokens.put("clinic-admin", TestTokens.issue("admin." + users, id, "clinic-admin"));
        tokens.put("ops", TestTokens.ops("ops." + users)); // of no clinic: operations staff
        this.tokens = Collections.unmodifiableMap(tokens);
    }

    String register(String name) throws Exception {
        Http.Reply patient = Http.post(platform.screening.uri("/api/patients"), tokens.get("clinic-admin"), Map.of("displayName", name));
        assertThat(patient.status()).isEqualTo(201);
        return patient.body().get("id").asText();
    }

    /** All-"no" screening answers with a normal blood pressure taken a minute ago, changed by {@code overrides}. */
    static Map<String, Object> answers(Map<String, Object> overrides) {
        Map<String, Object> answers = new HashMap<>();
        List.of("pregnant", "glaucoma", "retinalDisease", "heartDisease", "strokeOrTia", "hypertension", "bloodThinners",
                "vertebralFracture", "recentFracture", "spinalImplants", "hernia", "reflux", "earOrEyeInfection", "neurologicalRedFlags")
                .forEach(question -> answers.put(question, false));
        answers.put("bloodPressure", Map.of("first", Map.of("systolic", 122, "diastolic", 76,
                "takenAt", Instant.now().minusSeconds(60).toString())));
        answers.put("osteoporosis", "NONE");
        answers.put("weightKg", 74);
        answers.putAll(overrides);
        return answers;
    }

    /** Screens the patient with {@link #answers}; returns the outcome. */
    String screen(String patient, Map<String, Object> overrides) throws Exception {
        Http.Reply screening = Http.post(platform.screening.uri("/api/patients/" + patient + "/screenings"), tokens.get("tablet"),
                answers(overrides));
        assertThat(screening.status()).isEqualTo(201);
        return screening.body().get("outcome").asText();
    }

    Http.Reply recordClearance(String patient, List<String> scope, LocalDate expiresOn) throws Exception {
        return Http.post(platform.screening.uri("/api/patients/" + patient + "/clearances"), tokens.get("clinician"), Map.of(
                "physicianName", "Dr Ada Byrne", "physicianId", "GMC-7654321",
                "issuedOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(), "scope", scope, "expiresOn", expiresOn.toString()));
    }

    Http.Reply startSession(String patient) throws Exception {
        return Http.post(platform.session.uri("/api/sessions"), tokens.get("tablet"), Map.of("patientId", patient, "spotter", "Sam Spotter",
                "bloodPressure", Map.of("systolic", 122, "diastolic", 76), "painBefore", 4));
    }

    /** Starts a session once screening's events have reached session-service (until then it is refused). */
    String startSessionWhenCleared(String patient) {
        String[] session = new String[1];
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(20)).until(() -> {
            Http.Reply started = startSession(patient);
            session[0] = started.status() == 201 ? started.body().get("id").asText() : null;
            return session[0] != null;
        });
        return session[0];
    }

    /** A new CLEARED patient with a session started. */
    String sessionOfNewClearedPatient(String name) throws Exception {
        String patient = register(name);
        assertThat(screen(patient, Map.of())).isEqualTo("CLEARED");
        return startSessionWhenCleared(patient);
    }

    Http.Reply logSymptom(String session, String code) throws Exception {
        return Http.post(platform.session.uri("/api/sessions/" + session + "/symptoms"), tokens.get("tablet"), Map.of("code", code));
    }

    /**
     * One clinic's records of every kind an endpoint takes an id of, and the names that are its own. {@code patient} was
     * cleared by a physician, has a plan and an ODI score, and its session ({@code stoppedSession}) stopped for chest pain,
     * which raised {@code alert} and holds the next session for {@code review}; {@code activePatient}'s {@code session} is
     * under way, upright; {@code idlePatient} is cleared and has no session; {@code clinician} is on call in {@code shift},
     * paged at {@code webhookUrl}.
     */
    record Records(String clinic, String patient, String idlePatient, String activePatient, String session, String stoppedSession,
                   String alert, String review, String shift, String clinician, String webhookUrl, List<String> ids,
                   List<String> names) {

        /**
         * The value for a path parameter: by its name, or for {@code id} by the collection it follows
         * ({@code /api/sessions/{id}} is a session); any other parameter gets the patient's id.
         */
        String forParameter(String path, String parameter) {
            String collection = path.substring(0, path.indexOf("/{" + parameter + "}"));
            collection = collection.substring(collection.lastIndexOf('/') + 1);
            return switch (parameter.equals("id") ? collection : parameter) {
                case "patientId", "patients", "courses" -> patient;
                case "sessionId", "sessions" -> session;
                case "alertId", "alerts" -> alert;
                case "reviewId", "reviews" -> review;
                case "shiftId", "shifts" -> shift;
                case "username", "clinicians" -> clinician;
                case "priority" -> "HIGH";
                default -> patient;
            };
        }

        /** The same records with another session under way. */
        Records withSession(String other) {
            return new Records(clinic, patient, idlePatient, activePatient, other, stoppedSession, alert, review, shift, clinician,
                    webhookUrl, ids, names);
        }
    }

    /**
     * Records one of everything, through the APIs, as the clinic's own staff; names are made from the clinic's id. Its
     * clinician is paged at the platform's pager, which takes every page at once, so no delivery is retried in the background.
     */
    Records recordOneOfEverything() throws Exception {
        String surname = Character.toUpperCase(id.charAt(0)) + id.substring(1);
        List<String> names = List.of("Ada " + surname, "Ben " + surname, "Cy " + surname, "Dr Rowan " + surname);
        expect(Http.put(platform.screening.uri("/api/clinic/settings"), tokens.get("clinic-admin"), Map.of("timeZone", "UTC",
                "screeningValidDays", 90, "strokeWindowMonths", 12, "stage1NeedsClearance", true, "refluxNeedsClearance", true,
                "tableRatedLoadKg", 136, "clearanceValidDays", 180)), 200);
        String clinician = "dr." + users;
        String webhookUrl = platform.pager.url("pager");
        String shift = rosterOnCall(clinician, names.get(3), webhookUrl);

        String patient = register(names.get(0));
        assertThat(screen(patient, Map.of("hypertension", true))).isEqualTo("NEEDS_CLEARANCE");
        Http.Reply clearance = recordClearance(patient, List.of("S6"), LocalDate.now(ZoneOffset.UTC).plusDays(30));
        expect(clearance, 201);
        expect(Http.put(platform.screening.uri("/api/patients/" + patient + "/plan"), tokens.get("clinician"), Map.of(
                "startAngleDegrees", 20, "startHoldSeconds", 60, "firstTwoWeeksCeilingDegrees", 30, "maxAngleDegrees", 45,
                "maxHoldSeconds", 120, "maxTotalSecondsPerSession", 300, "maxSessionsPerWeek", 3)), 200);
        String stoppedSession = startSessionWhenCleared(patient);
        expect(logSymptom(stoppedSession, "chest-pain"), 201);
        expect(Http.post(platform.session.uri("/api/courses/" + patient + "/odi"), tokens.get("tablet"),
                Map.of("point", "BASELINE", "score", 42)), 201);

        String idlePatient = register(names.get(1));
        assertThat(screen(idlePatient, Map.of())).isEqualTo("CLEARED");
        String activePatient = register(names.get(2));
        assertThat(screen(activePatient, Map.of())).isEqualTo("CLEARED");
        String session = startSessionWhenCleared(activePatient);

        String alert = awaitFirst(platform.alert.uri("/api/alerts"), a -> a.get("sessionId").asText().equals(stoppedSession));
        String review = awaitFirst(platform.session.uri("/api/courses/" + patient + "/reviews"), r -> true);
        List<String> ids = new ArrayList<>(List.of(patient, idlePatient, activePatient, session, stoppedSession, alert, review, shift,
                clearance.body().get("id").asText()));
        Http.get(platform.screening.uri("/api/patients/" + patient + "/screenings"), tokens.get("tablet")).body()
                .forEach(screening -> ids.add(screening.get("id").asText()));
        return new Records(id, patient, idlePatient, activePatient, session, stoppedSession, alert, review, shift, clinician,
                webhookUrl, List.copyOf(ids), names);
    }

    /**
     * A clinician on call from an hour ago for half a day, paged by a signed webhook; returns the shift's id. The clinic
     * pages its primary once and repeats only after 5 minutes (HIGH) or 30 (MEDIUM), so nothing of it changes by itself
     * while a test runs.
     */
    String rosterOnCall(String clinician, String displayName, String webhookUrl) throws Exception {
        String admin = tokens.get("clinic-admin");
        expect(Http.put(platform.alert.uri("/api/roster/clinicians/" + clinician), admin,
                Map.of("displayName", displayName, "webhookUrl", webhookUrl)), 200);
        expect(Http.post(platform.alert.uri("/api/roster/webhook-secret"), admin, Map.of()), 200);
        expect(Http.put(platform.alert.uri("/api/roster/settings"), admin, Map.of("timeZone", "UTC", "clinicLead", clinician)), 200);
        for (var repeat : Map.of("HIGH", 300, "MEDIUM", 1800).entrySet()) {
            expect(Http.put(platform.alert.uri("/api/roster/escalation/" + repeat.getKey()), admin, Map.of(
                    "levels", List.of(Map.of("afterSeconds", 0, "targets", List.of("PRIMARY"))), "repeatSeconds", repeat.getValue())), 200);
        }
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        Http.Reply shift = Http.post(platform.alert.uri("/api/roster/shifts"), admin, Map.of("clinician", clinician, "role", "PRIMARY",
                "start", now.minusHours(1).toString(), "end", now.plusHours(12).toString()));
        expect(shift, 201);
        return shift.body().get("id").asText();
    }

    /** The id of the first item of the list at {@code uri} (read as the clinic's clinician) that {@code wanted} accepts, once there. */
    private String awaitFirst(URI uri, Predicate<JsonNode> wanted) {
        String[] found = new String[1];
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (JsonNode item : Http.get(uri, tokens.get("clinician")).body()) {
                if (wanted.test(item)) {
                    found[0] = item.get("id").asText();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Fails, showing the answer, unless it has {@code status}. */
    private static void expect(Http.Reply reply, int status) {
        assertThat(reply.status()).as("answer %s", reply.body()).isEqualTo(status);
    }
}
