package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint validates its input. Generated bad requests ({@link BadRequests}) go to every operation of every
 * service's OpenAPI document, as the clinic's own staff in the role the operation needs. None may answer 5xx; a refusal
 * (4xx) must leave the clinic's rows as they were; a 400 or 422 must be problem details with its status and, for a
 * spoilt field or parameter, name it. A spoilt request that turns out valid (2xx) is fine, and counted. The seed is
 * printed; {@code -Dfuzz.seed=<seed>} repeats a run.
 */
class BadInputFuzzIT {

    private static Platform platform;
    private static Clinic clinic;
    private static Clinic.Records records;
    private static List<OpenApi.Operation> operations;
    private static ClinicRows rows;

    /** Counts for the summary line. */
    private static final class Tally {
        int operations;
        int sent;
        int refused;
        int valid;
        int repeated;
    }

    @BeforeAll
    static void recordAClinic() throws Exception {
        platform = Platform.shared();
        clinic = new Clinic(platform, "hillside", "hill");
        records = clinic.recordOneOfEverything();
        operations = OpenApi.operations(platform, clinic.tokens.get("clinic-admin"));
        rows = new ClinicRows(platform);
    }

    @AfterAll
    static void closeRows() throws Exception {
        if (rows != null) {
            rows.close();
        }
    }

    @Test
    void badInputIsRefusedWithProblemDetailsNamingTheFieldAndWritesNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.printf("bad input fuzz: seed %d (-Dfuzz.seed=%d repeats this run)%n", seed, seed);
        Random random = new Random(seed);
        Tally tally = new Tally();
        List<String> failures = new ArrayList<>();
        Instant started = Instant.now();
        Map<String, String> before = settledRows();
        for (OpenApi.Operation operation : operations) {
            Samples.Sample sample = Samples.of(operation);
            if (operation.streams()) {
                continue; // no input but the token, and an answer that never ends
            }
            tally.operations++;
            if (keepASessionUnderWay(operation)) {
                before = settledRows();
            }
            String token = clinic.tokens.get(sample.role());
            for (BadRequests.Bad bad : BadRequests.of(operation, records, sample.bodyFor(records), random)) {
                try {
                    before = send(operation, bad, token, before, tally, failures);
                } catch (IOException e) {
                    failures.add(operation + ", " + bad.what() + ": no answer (" + e + ")");
                    before = settledRows();
                }
            }
        }
        System.out.printf("bad input fuzz: seed %d, %d operations, %d requests: %d refused (4xx), %d valid after all (2xx),"
                + " %d repeated after a change in the background, in %d ms%n", seed, tally.operations, tally.sent, tally.refused,
                tally.valid, tally.repeated, Duration.between(started, Instant.now()).toMillis());
        assertThat(failures).as("bad requests answered wrongly (seed %d)", seed).isEmpty();
    }

    /**
     * Sends one bad request and checks the answer; returns the clinic's rows as they now are. A refusal that left a change
     * is sent once more after the rows settle: the change may have been the background finishing an earlier valid request
     * (the outbox relay, another service's answer). A refusal that writes does so again.
     */
    private static Map<String, String> send(OpenApi.Operation operation, BadRequests.Bad bad, String token, Map<String, String> before,
                                            Tally tally, List<String> failures) throws Exception {
        Http.Raw answer = Http.exchange(operation.method(), operation.uri(bad.path()), token, bad.body());
        tally.sent++;
        Map<String, String> after = rows.of(clinic.id, records.ids());
        if (isRefusal(answer) && !after.equals(before)) {
            tally.repeated++;
            before = settledRows();
            answer = Http.exchange(operation.method(), operation.uri(bad.path()), token, bad.body());
            after = rows.of(clinic.id, records.ids());
            if (isRefusal(answer) && !after.equals(before)) {
                failures.add(describe(operation, bad, answer) + " but wrote " + ClinicRows.differences(before, after));
            }
        }
        Http.Raw checked = answer;
        check(operation, bad, checked).ifPresent(why -> failures.add(describe(operation, bad, checked) + ": " + why));
        if (isRefusal(answer)) {
            tally.refused++;
            return after;
        }
        if (answer.status() < 300) {
            tally.valid++;
            bringUpright();
            return settledRows();
        }
        return after;
    }

    /** What is wrong with the answer to a bad request, if anything. */
    private static Optional<String> check(OpenApi.Operation operation, BadRequests.Bad bad, Http.Raw answer) throws Exception {
        int status = answer.status();
        if (status >= 500) {
            return Optional.of("a server error");
        }
        if (status == 401 || status == 403) {
            return Optional.of("turned away: Samples names a role that may not call " + operation.key());
        }
        if (status != 400 && status != 422) {
            return Optional.empty();
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return Optional.of("not problem details (" + answer.contentType() + ")");
        }
        JsonNode problem = Http.JSON.readTree(answer.body());
        if (problem.path("status").asInt() != status) {
            return Optional.of("problem details without status " + status);
        }
        if (bad.field() != null && !names(problem, bad.field())) {
            return Optional.of("problem details that do not name " + bad.field());
        }
        return Optional.empty();
    }

    /** Whether an error's field or the detail has the field's name as a word of its own ("systolic" in "bloodPressure.systolic"). */
    private static boolean names(JsonNode problem, String field) {
        Pattern word = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(field) + "(?![A-Za-z0-9])");
        List<String> texts = new ArrayList<>(List.of(problem.path("detail").asText()));
        problem.path("errors").forEach(error -> texts.add(error.path("field").asText()));
        return texts.stream().anyMatch(text -> word.matcher(text).find());
    }

    /** The clinic's rows once the background has finished with them. */
    private static Map<String, String> settledRows() throws Exception {
        return rows.settled(clinic.id, records.ids());
    }

    private static boolean isRefusal(Http.Raw answer) {
        return answer.status() >= 400 && answer.status() < 500;
    }

    private static String describe(OpenApi.Operation operation, BadRequests.Bad bad, Http.Raw answer) {
        String body = answer.body().length() <= 300 ? answer.body() : answer.body().substring(0, 300) + "...";
        return operation + ", " + bad.what() + ": " + answer.status() + " " + body;
    }

    /**
     * A session's operations go to a session under way, so that their checks past validation run too; one stopped or
     * completed by an earlier request is replaced by a new patient's. Returns whether it was.
     */
    private static boolean keepASessionUnderWay(OpenApi.Operation operation) throws Exception {
        if (!operation.path().startsWith("/api/sessions/{id}")) {
            return false;
        }
        JsonNode session = Http.get(platform.session.uri("/api/sessions/" + records.session()), clinic.tokens.get("tablet")).body();
        if (session.path("status").asText().equals("ACTIVE")) {
            return false;
        }
        records = records.withSession(clinic.sessionOfNewClearedPatient("Fuzz Patient " + Instant.now().toEpochMilli()));
        return true;
    }

    /** A valid request may have left a patient inverted: upright again, before the watchdogs raise an alert in the background. */
    private static void bringUpright() throws Exception {
        String tablet = clinic.tokens.get("tablet");
        for (JsonNode session : Http.get(platform.session.uri("/api/sessions?status=ACTIVE"), tablet).body()) {
            if (session.path("inverted").asBoolean()) {
                Http.post(platform.session.uri("/api/sessions/" + session.get("id").asText() + "/upright"), tablet, Map.of());
            }
        }
    }
}
