package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.testing.SseClient;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The staff of one clinic (A, lakeside), in every role, and an operator of no clinic call every operation of
 * every service's OpenAPI document with another clinic's (B, riverside) ids and a valid body, and follow every stream
 * while B's data changes. Nothing of B may come back (an answer passes if it is a 4xx, or a 2xx naming none of B's ids
 * or names), and nothing of B may change: B's rows in the three databases are the same after the walk as before.
 * A is a clinic of its own, not northside: the walk changes A's roster and escalation, which other tests rely on for
 * northside.
 */
class TenancyWalkIT {

    private static final Duration STREAM_WAIT = Duration.ofSeconds(10);

    private static Clinic lake;
    private static Clinic river;
    private static Clinic.Records lakeRecords;
    private static Clinic.Records riverRecords;
    /** A's staff by role, and an operator's token naming no clinic. */
    private static final Map<String, String> CALLERS = new LinkedHashMap<>();
    private static List<OpenApi.Operation> operations;
    private static ClinicRows rows;

    @BeforeAll
    static void recordBothClinics() throws Exception {
        Platform platform = Platform.shared();
        lake = new Clinic(platform, "lakeside", "lake");
        river = new Clinic(platform, "riverside", "river");
        riverRecords = river.recordOneOfEverything();
        lakeRecords = lake.recordOneOfEverything();
        CALLERS.putAll(lake.tokens);
        operations = OpenApi.operations(platform, lake.tokens.get("clinic-admin"));
        rows = new ClinicRows(platform);
    }

    @AfterAll
    static void closeRows() throws Exception {
        if (rows != null) {
            rows.close();
        }
    }

    @Test
    void noOperationGivesAnotherClinicAnythingOfRiversideOrChangesIt() throws Exception {
        assertThat(operations.stream().map(OpenApi.Operation::key).toList()).as("operations with a sample in Samples")
                .containsAll(Samples.operations());
        Map<String, String> before = rows.settled(river.id, riverRecords.ids());
        List<String> failures = new ArrayList<>();
        Instant started = Instant.now();
        int walked = 0;
        int requests = 0;
        for (OpenApi.Operation operation : operations) {
            Samples.Sample sample = Samples.of(operation);
            if (operation.streams()) {
                continue; // followed by noStreamShowsAnotherClinicAnythingOfRiverside
            }
            walked++;
            String path = operation.pathFor(riverRecords);
            String body = sample.bodyFor(riverRecords);
            for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
                requests++;
                walk(operation, path, body, caller).ifPresent(failures::add);
            }
        }
        requests += trySamplesOnLakesidesOwnRecords(failures);
        Map<String, String> after = rows.settled(river.id, riverRecords.ids());
        System.out.printf("tenancy walk: %d operations, %d requests as %s with riverside's ids, in %d ms%n", walked, requests,
                CALLERS.keySet(), Duration.between(started, Instant.now()).toMillis());

        ClinicRows.differences(before, after).forEach(change -> failures.add("riverside's rows changed: " + change));
        assertThat(failures).as("answers that gave away riverside's data or failed, and changes to its rows").isEmpty();
    }

    @Test
    void noStreamShowsAnotherClinicAnythingOfRiverside() throws Exception {
        List<OpenApi.Operation> streams = operations.stream().filter(OpenApi.Operation::streams).toList();
        assertThat(streams).as("streams in the OpenAPI documents").isNotEmpty();
        Map<String, SseClient> lakeStreams = new LinkedHashMap<>();
        Map<String, SseClient> riverStreams = new LinkedHashMap<>();
        try {
            for (OpenApi.Operation stream : streams) {
                URI uri = stream.uri(stream.path());
                CALLERS.forEach((role, token) -> lakeStreams.put(stream.path() + " as " + role, SseClient.open(uri, token)));
                riverStreams.put(stream.path(), SseClient.open(uri, river.tokens.get(Samples.of(stream).role())));
            }
            List<String> seen = new ArrayList<>();
            for (OpenApi.Operation stream : streams) {
                assertThat(riverStreams.get(stream.path()).status(STREAM_WAIT)).as("riverside's own %s", stream.path()).isEqualTo(200);
                assertThat(followers(stream, lakeStreams, seen)).as("lakeside's callers who may follow %s", stream.path()).isPositive();
            }

            String patient = river.register("Dee Riverside");
            assertThat(river.screen(patient, Map.of())).isEqualTo("CLEARED");
            String session = river.startSessionWhenCleared(patient);
            assertThat(river.logSymptom(session, "chest-pain").status()).isEqualTo(201);
            for (Map.Entry<String, SseClient> own : riverStreams.entrySet()) {
                assertThat(own.getValue().next(event -> event.data().contains(session), STREAM_WAIT))
                        .as("riverside's own %s shows its new session", own.getKey()).isNotNull();
            }
            Thread.sleep(500); // one notification reaches every subscriber at once; this is time for a stray push to land

            List<String> markers = new ArrayList<>(markersOf(riverRecords));
            markers.addAll(List.of(patient, session, "Dee Riverside"));
            lakeStreams.forEach((name, stream) -> stream.unread().forEach(event -> seen.add(name + ": " + event.data())));
            assertThat(seen.stream().filter(event -> containsAny(event, markers)).toList())
                    .as("events of riverside on lakeside's streams").isEmpty();
        } finally {
            lakeStreams.values().forEach(SseClient::close);
            riverStreams.values().forEach(SseClient::close);
        }
    }

    // ---- Helpers

    /** Calls the operation as one of A's callers with B's ids; says what is wrong with the answer, if anything. */
    private static Optional<String> walk(OpenApi.Operation operation, String path, String body, Map.Entry<String, String> caller)
            throws Exception {
        String request = operation.method() + " " + path + " as " + caller.getKey();
        Http.Raw answer;
        try {
            answer = Http.exchange(operation.method(), operation.uri(path), caller.getValue(), body);
        } catch (HttpTimeoutException e) {
            return Optional.of(request + ": no answer within " + Http.PATIENCE);
        }
        int status = answer.status();
        if (status >= 400 && status < 500) {
            return Optional.empty();
        }
        if (status >= 200 && status < 300) {
            String shown = ownAuditTargetsLeftOut(operation, answer.body());
            List<String> markers = markersOf(riverRecords);
            if (operation.path().equals("/api/audit/{service}/verify")) {
                // operations staff check every clinic's chain: they see each clinic's name and count of entries, no record
                markers.remove(riverRecords.clinic());
            }
            return markers.stream().filter(marker -> containsAny(shown, List.of(marker))).findFirst()
                    .map(marker -> request + ": " + status + " naming riverside's " + marker + ": " + abbreviated(answer.body()));
        }
        return Optional.of(request + ": " + status + " " + abbreviated(answer.body()));
    }

    /**
     * Each sample, as its role, on A's own records: a 400, 401, 403, 405 or 415 there means the walk (and the fuzz test)
     * would be turned away before reaching any records, proving nothing. Conflicts (409) and refusals (422) are fine: some
     * requests depend on the state the walk left. Returns how many requests it sent.
     */
    private static int trySamplesOnLakesidesOwnRecords(List<String> failures) throws Exception {
        int sent = 0;
        for (OpenApi.Operation operation : operations) {
            Samples.Sample sample = Samples.of(operation);
            if (operation.streams()) {
                continue;
            }
            Http.Raw answer = Http.exchange(operation.method(), operation.uri(operation.pathFor(lakeRecords)),
                    lake.tokens.get(sample.role()), sample.bodyFor(lakeRecords));
            sent++;
            if (List.of(400, 401, 403, 405, 415).contains(answer.status()) || answer.status() >= 500) {
                failures.add("the sample of " + operation + " as lakeside's " + sample.role() + " on its own records: "
                        + answer.status() + " " + abbreviated(answer.body()));
            }
        }
        return sent;
    }

    /** How many of A's callers the stream let in; each must then be told it is subscribed (kept in {@code seen}). */
    private static int followers(OpenApi.Operation stream, Map<String, SseClient> lakeStreams, List<String> seen) throws Exception {
        int followers = 0;
        for (Map.Entry<String, SseClient> caller : lakeStreams.entrySet()) {
            if (caller.getKey().startsWith(stream.path() + " as ") && caller.getValue().status(STREAM_WAIT) == 200) {
                SseClient.Event first = caller.getValue().next(event -> true, STREAM_WAIT);
                assertThat(first).as("%s subscribed", caller.getKey()).isNotNull();
                seen.add(caller.getKey() + ": " + first.data());
                followers++;
            }
        }
        return followers;
    }

    /**
     * A's own audit log records the paths A's users asked for, B's ids among them when they tried B's records: those
     * targets are A's record of A's requests, not B's data. So every entry must be A's, and the rest of each entry is
     * checked like any answer.
     */
    private static String ownAuditTargetsLeftOut(OpenApi.Operation operation, String body) throws Exception {
        if (!operation.path().equals("/api/audit/{service}")) {
            return body;
        }
        JsonNode entries = Http.JSON.readTree(body);
        ArrayNode shown = Http.JSON.createArrayNode();
        for (JsonNode entry : entries) {
            assertThat(entry.get("clinicId").asText()).as("clinic of an audit entry lakeside's admin read").isEqualTo(lake.id);
            shown.add(((ObjectNode) entry.deepCopy()).without("target"));
        }
        return shown.toString();
    }

    /** What gives B away: its clinic's id, its records' ids and its people's names (not usernames: any clinic may use one). */
    private static List<String> markersOf(Clinic.Records records) {
        List<String> markers = new ArrayList<>(records.ids());
        markers.addAll(records.names());
        markers.add(records.clinic());
        return markers;
    }

    private static boolean containsAny(String text, List<String> markers) {
        String lower = text.toLowerCase(Locale.ROOT);
        return markers.stream().anyMatch(marker -> lower.contains(marker.toLowerCase(Locale.ROOT)));
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
