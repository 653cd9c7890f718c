package dev.spotter.e2e;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A valid request for every operation the services offer: the role that makes it, and its body for a clinic's records.
 * {@link TenancyWalkIT} sends them with another clinic's ids and {@link BadInputFuzzIT} spoils them. An operation missing
 * here fails both tests, so a new endpoint cannot go unwalked.
 */
final class Samples {

    /** The role that makes the request, and its body for a clinic's records (null when it takes none). */
    record Sample(String role, Function<Clinic.Records, Object> body) {

        /** The body as JSON text, or null. */
        String bodyFor(Clinic.Records records) throws Exception {
            Object body = body().apply(records);
            return body == null ? null : Http.JSON.writeValueAsString(body);
        }
    }

    private static final Function<Clinic.Records, Object> NONE = records -> null;

    private static final Map<String, Sample> SAMPLES = Map.ofEntries(
            // screening-service
            sample("POST /api/patients", "clinic-admin", r -> Map.of("displayName", "Sam Sample")),
            sample("GET /api/patients", "tablet", NONE),
            sample("GET /api/patients/{id}", "tablet", NONE),
            sample("POST /api/patients/{patientId}/screenings", "tablet", r -> Clinic.answers(Map.of())),
            sample("GET /api/patients/{patientId}/screenings", "tablet", NONE),
            sample("GET /api/patients/{patientId}/eligibility", "tablet", NONE),
            sample("POST /api/patients/{patientId}/clearances", "clinician", r -> Map.of("physicianName", "Dr Ada Byrne",
                    "physicianId", "GMC-7654321", "issuedOn", today().minusDays(1).toString(), "scope", List.of("S6"),
                    "bpCeilingSystolic", 160, "bpCeilingDiastolic", 100, "expiresOn", today().plusDays(30).toString())),
            sample("GET /api/patients/{patientId}/clearances", "tablet", NONE),
            sample("GET /api/patients/{patientId}/plan", "tablet", NONE),
            sample("PUT /api/patients/{patientId}/plan", "clinician", r -> Map.of("startAngleDegrees", 20, "startHoldSeconds", 60,
                    "firstTwoWeeksCeilingDegrees", 30, "maxAngleDegrees", 45, "maxHoldSeconds", 120, "maxTotalSecondsPerSession", 300,
                    "maxSessionsPerWeek", 3)),
            sample("GET /api/clinic/settings", "tablet", NONE),
            sample("PUT /api/clinic/settings", "clinic-admin", r -> Map.of("timeZone", "UTC", "screeningValidDays", 90,
                    "strokeWindowMonths", 12, "stage1NeedsClearance", true, "refluxNeedsClearance", true, "tableRatedLoadKg", 136,
                    "clearanceValidDays", 180)),
            sample("GET /api/screening/questionnaire", "tablet", NONE),
            sample("GET /api/screening/questionnaire/fhir", "tablet", NONE),
            sample("GET /api/patients/{patientId}/fhir", "clinician", NONE),
            // every service: its audit log (a clinic admin's), and the check of its chains (operations staff's)
            sample("GET /api/audit/{service}", "clinic-admin", NONE),
            sample("GET /api/audit/{service}/verify", "ops", NONE),
            // session-service
            sample("GET /api/tablet/config", "tablet", NONE),
            sample("GET /api/symptoms", "tablet", NONE),
            sample("POST /api/sessions", "tablet", r -> Map.of("patientId", r.idlePatient(), "spotter", "Sam Spotter",
                    "bloodPressure", Map.of("systolic", 122, "diastolic", 76), "heartRate", 72, "painBefore", 4)),
            sample("GET /api/sessions", "tablet", NONE),
            sample("GET /api/sessions/stream", "tablet", NONE),
            sample("GET /api/sessions/{id}", "tablet", NONE),
            sample("POST /api/sessions/{id}/symptoms", "tablet", r -> Map.of("code", "nausea", "lastedOverFiveMinutes", false,
                    "matchesKnownSciaticPattern", false)),
            sample("POST /api/sessions/{id}/holds", "tablet", r -> Map.of("angleDegrees", 20)),
            sample("PUT /api/sessions/{id}/angle", "tablet", r -> Map.of("angleDegrees", 25)),
            sample("POST /api/sessions/{id}/upright", "tablet", NONE),
            sample("POST /api/sessions/{id}/heartbeat", "tablet", NONE),
            sample("POST /api/sessions/{id}/post-check", "tablet", r -> Map.of("bloodPressure", Map.of("systolic", 118, "diastolic", 74),
                    "heartRate", 70, "painAfter", 3, "spotterSignOff", "Sam Spotter")),
            sample("GET /api/sessions/{id}/inversion", "tablet", NONE),
            sample("GET /api/courses", "tablet", NONE),
            sample("GET /api/courses/{patientId}/reviews", "tablet", NONE),
            sample("POST /api/courses/{patientId}/reviews/{reviewId}/release", "clinician",
                    r -> Map.of("note", "Seen by the clinician; fine to go on.")),
            sample("GET /api/courses/{patientId}/next-session", "tablet", NONE),
            sample("POST /api/courses/{patientId}/odi", "tablet", r -> Map.of("point", "WEEK_4", "score", 30)),
            sample("GET /api/courses/{patientId}/progress", "tablet", NONE),
            sample("GET /api/courses/{patientId}/fhir", "clinician", NONE),
            // alert-service
            sample("GET /api/alerts", "clinician", NONE),
            sample("GET /api/alerts/stream", "clinician", NONE),
            sample("GET /api/alerts/{id}", "clinician", NONE),
            sample("GET /api/alerts/patients/{patientId}/fhir", "clinician", NONE),
            sample("POST /api/alerts/{id}/acknowledge", "clinician", NONE),
            sample("POST /api/alerts/{id}/resolve", "clinician", r -> Map.of("outcome", "Examined; no cardiac cause found.")),
            sample("POST /api/alerts/{id}/cancel", "tablet", r -> Map.of("reason", "Logged in error.")),
            sample("GET /api/roster/settings", "clinician", NONE),
            sample("PUT /api/roster/settings", "clinic-admin", r -> Map.of("timeZone", "UTC", "clinicLead", r.clinician())),
            sample("POST /api/roster/webhook-secret", "clinic-admin", NONE),
            sample("GET /api/roster/escalation", "clinician", NONE),
            // the quiet escalation of Clinic.recordOneOfEverything, so a changed one adds no pages while tests run
            sample("PUT /api/roster/escalation/{priority}", "clinic-admin", r -> Map.of(
                    "levels", List.of(Map.of("afterSeconds", 0, "targets", List.of("PRIMARY"))), "repeatSeconds", 300)),
            sample("DELETE /api/roster/escalation/{priority}", "clinic-admin", NONE),
            sample("GET /api/roster/clinicians", "clinician", NONE),
            // paged at the clinic's own receiver, which takes every page at once: nothing is retried in the background
            sample("PUT /api/roster/clinicians/{username}", "clinic-admin", r -> Map.of("displayName", "Dr Sam Sample",
                    "webhookUrl", r.webhookUrl())),
            sample("GET /api/roster/shifts", "clinician", NONE),
            sample("POST /api/roster/shifts", "clinic-admin", r -> Map.of("clinician", r.clinician(), "role", "SECONDARY",
                    "start", tomorrowAt(8).toString(), "end", tomorrowAt(16).toString())),
            sample("DELETE /api/roster/shifts/{id}", "clinic-admin", NONE),
            sample("GET /api/roster/coverage", "clinician", NONE));

    private Samples() {
    }

    /** The operation's sample; fails, saying what to do, for an operation that has none. */
    static Sample of(OpenApi.Operation operation) {
        Sample sample = SAMPLES.get(operation.key());
        if (sample == null) {
            throw new AssertionError("No sample request for " + operation + ". Add one to Samples (the role that makes it and a"
                    + " valid body), so that TenancyWalkIT and BadInputFuzzIT cover it.");
        }
        return sample;
    }

    /** Every operation that has a sample, as {@code "METHOD /path"}. */
    static Set<String> operations() {
        return SAMPLES.keySet();
    }

    private static Map.Entry<String, Sample> sample(String operation, String role, Function<Clinic.Records, Object> body) {
        return Map.entry(operation, new Sample(role, body));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static LocalDateTime tomorrowAt(int hour) {
        return today().plusDays(1).atTime(hour, 0).truncatedTo(ChronoUnit.MINUTES);
    }
}
