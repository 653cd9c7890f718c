package dev.spotter.screening.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import dev.spotter.platform.audit.AuditChain;
import dev.spotter.platform.audit.AuditLog;
import dev.spotter.platform.security.VerifiedTokens;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The platform's defences as screening-service runs them: row-level security behind every request, and the audit
 * log with its hash chain. (Every service gets both from the platform module; the end-to-end tests walk all three.)
 */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_screening"))
class TenancyAndAuditTest {

    private static final String NORTH_ADMIN = TestTokens.issue("admin.north", "northside", "clinic-admin");
    private static final String NORTH_CLINICIAN = TestTokens.issue("dr.north", "northside", "clinician");
    private static final String RIVER_ADMIN = TestTokens.issue("admin.river", "riverside", "clinic-admin");
    private static final String OPS = TestTokens.ops("ops.on.duty");

    @Inject
    AgroalDataSource database;

    @Inject
    AuditLog audit;

    @Inject
    VerifiedTokens verifiedTokens;

    @Inject
    Clock clock;

    @Test
    void everyTableWithAClinicHasRowLevelSecurity() throws SQLException {
        List<String> unguarded = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("""
                     SELECT c.relname, c.relrowsecurity,
                            EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'clinic_isolation') AS policy
                     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'clinic_id'
                     WHERE n.nspname = current_schema() AND c.relkind = 'r'""")) {
            int tables = 0;
            while (rows.next()) {
                tables++;
                if (!rows.getBoolean("relrowsecurity") || !rows.getBoolean("policy")) {
                    unguarded.add(rows.getString("relname"));
                }
            }
            assertThat(tables).as("tables with a clinic_id").isGreaterThanOrEqualTo(8);
        }
        assertThat(unguarded).as("tables without row-level security").isEmpty();
    }

    @Test
    void aQueryThatForgetsItsClinicFilterStillSeesAndChangesOnlyTheCallersClinic() throws SQLException {
        String north = register(NORTH_ADMIN, "Nora North");
        String river = register(RIVER_ADMIN, "Rhys River");

        given().auth().oauth2(NORTH_ADMIN).when().get("/api/test/unfiltered/patients")
                .then().statusCode(200).body("", everyItem(equalTo("northside"))).body("", hasItem("northside"));
        given().auth().oauth2(RIVER_ADMIN).when().get("/api/test/unfiltered/patients")
                .then().statusCode(200).body("", everyItem(equalTo("riverside")));
        int renamed = given().auth().oauth2(NORTH_ADMIN).when().post("/api/test/unfiltered/rename-everyone")
                .then().statusCode(200).extract().as(Integer.class);
        assertThat(renamed).isEqualTo(count("SELECT count(*) FROM patient WHERE clinic_id = 'northside'"));
        // planting a row in another clinic is refused by the policy's check, and nothing is written
        long before = count("SELECT count(*) FROM patient");
        given().auth().oauth2(NORTH_ADMIN).when().post("/api/test/unfiltered/patient-of/riverside")
                .then().statusCode(500);
        assertThat(count("SELECT count(*) FROM patient")).isEqualTo(before);
        // work that is not a request (consumers, timers; here the test itself) keeps the service's own role
        assertThat(count("SELECT count(*) FROM patient WHERE id IN ('" + north + "', '" + river + "')")).isEqualTo(2);
    }

    @Test
    void connectionsThatBreakDuringARequestLeaveThePoolWhole() {
        // more broken connections than the pool holds (20), each broken before its commit: the service goes on serving
        for (int i = 0; i < 25; i++) {
            given().auth().oauth2(NORTH_ADMIN).when().post("/api/test/unfiltered/lose-my-connection").then().statusCode(500);
        }
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(NORTH_ADMIN).when().get("/api/patients").then().statusCode(200);
        }
        given().auth().oauth2(NORTH_ADMIN).when().get("/api/test/unfiltered/patients")
                .then().statusCode(200).body("", everyItem(equalTo("northside")));
    }

    @Test
    void readsWritesAndRefusalsAreAuditedAndOnlyTheClinicsAdminReadsThem() {
        String patient = register(NORTH_ADMIN, "Audrey Audit");
        given().auth().oauth2(NORTH_CLINICIAN).when().get("/api/patients/{id}", patient).then().statusCode(200);
        given().auth().oauth2(RIVER_ADMIN).when().get("/api/patients/{id}", patient).then().statusCode(404);

        given().auth().oauth2(NORTH_ADMIN).queryParam("actor", "dr.north").when().get("/api/audit/screening-service")
                .then().statusCode(200)
                .body("find { it.target == '/api/patients/" + patient + "' }.action", equalTo("GET /api/patients/{id}"))
                .body("find { it.target == '/api/patients/" + patient + "' }.roles", equalTo("clinician"))
                .body("find { it.target == '/api/patients/" + patient + "' }.status", equalTo(200))
                .body("clinicId", everyItem(equalTo("northside")));
        given().auth().oauth2(NORTH_ADMIN).queryParam("actor", "admin.north").when().get("/api/audit/screening-service")
                .then().statusCode(200).body("action", hasItem("POST /api/patients"));
        // riverside's admin sees their refused attempt in their own log, and nothing of northside's
        given().auth().oauth2(RIVER_ADMIN).when().get("/api/audit/screening-service").then().statusCode(200)
                .body("clinicId", everyItem(equalTo("riverside")))
                .body("find { it.target == '/api/patients/" + patient + "' }.status", equalTo(404));
        given().auth().oauth2(NORTH_CLINICIAN).when().get("/api/audit/screening-service").then().statusCode(403);
        given().auth().oauth2(NORTH_ADMIN).queryParam("since", "yesterday").when().get("/api/audit/screening-service")
                .then().statusCode(400).body("errors[0].field", equalTo("since"));
        given().auth().oauth2(NORTH_ADMIN).when().get("/api/audit/screening-service/verify").then().statusCode(403);
        given().auth().oauth2(NORTH_ADMIN).when().get("/api/audit/session-service").then().statusCode(404);
        given().auth().oauth2(OPS).when().get("/api/audit/screening-service/verify").then().statusCode(200)
                .body("clinics.find { it.clinicId == 'northside' }.brokenAt", equalTo(null));
    }

    @Test
    void theAuditLogRefusesChangesAndItsChainShowsATamperedEntry() throws SQLException {
        String tamperside = TestTokens.issue("admin.tamper", "tamperside", "clinic-admin");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(tamperside).when().get("/api/patients").then().statusCode(200);
        }
        assertThat(chainOf("tamperside").intact()).isTrue();
        assertThat(chainOf("tamperside").entries()).isGreaterThanOrEqualTo(3);
        assertThatThrownBy(() -> execute("UPDATE audit_entry SET status = 500 WHERE clinic_id = 'tamperside'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM audit_entry WHERE clinic_id = 'tamperside'"))
                .hasMessageContaining("append-only");

        // someone with the power to switch the trigger off changes the second entry: the chain shows where
        long second = count("SELECT seq FROM audit_entry WHERE clinic_id = 'tamperside' ORDER BY seq OFFSET 1 LIMIT 1");
        execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change; "
                + "UPDATE audit_entry SET actor = 'someone.else' WHERE seq = " + second + "; "
                + "ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_change");
        AuditChain.Verification tampered = chainOf("tamperside");
        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.brokenAt()).isEqualTo(second);
        assertThat(tampered.problem()).contains("changed");
        given().auth().oauth2(OPS).when().get("/api/audit/screening-service/verify").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("clinics.find { it.clinicId == 'tamperside' }.brokenAt", equalTo((int) second));
    }

    @Test
    void aCheckedTokenIsTrustedAgainButATamperedCopyOfItIsRefused() {
        String token = TestTokens.issue("admin.again", "againside", "clinic-admin");
        given().auth().oauth2(token).when().get("/api/patients").then().statusCode(200);
        assertThat(verifiedTokens.get(token, clock.instant())).isNotNull();

        int last = token.length() - 3; // inside the signature, every bit of this character counts
        String tampered = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A') + token.substring(last + 1);
        given().auth().oauth2(tampered).when().get("/api/patients").then().statusCode(401);
        given().auth().oauth2(token).when().get("/api/patients").then().statusCode(200);
    }

    @Test
    void appendsMadeTogetherShareTransactionsAndEveryClinicsChainHolds() throws Exception {
        List<String> clinics = List.of("groupside-a", "groupside-b", "groupside-c");
        List<Callable<Void>> appends = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            String clinic = clinics.get(i % clinics.size());
            int n = i;
            appends.add(() -> {
                audit.append(clinic, "tablet-" + n, "tablet", "POST /api/sessions/{id}/heartbeat", "/api/sessions/" + n, 204);
                return null;
            });
        }
        try (ExecutorService callers = Executors.newFixedThreadPool(24)) {
            for (Future<Void> append : callers.invokeAll(appends)) {
                append.get();
            }
        }

        for (String clinic : clinics) {
            assertThat(chainOf(clinic).intact()).isTrue();
            assertThat(chainOf(clinic).entries()).isEqualTo(80);
        }
        long transactions = count("SELECT count(DISTINCT xmin::text) FROM audit_entry WHERE clinic_id LIKE 'groupside-%'");
        assertThat(transactions).isLessThan(240);
    }

    @Test
    void anEntryThatCannotBeWrittenFailsAloneAndTheOthersWithItAreWritten() throws Exception {
        List<Callable<Boolean>> appends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String actor = i == 20 ? null : "tablet-" + i;
            appends.add(() -> {
                try {
                    audit.append("faultside", actor, "tablet", "POST /api/sessions/{id}/heartbeat", "/api/sessions", 204);
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            });
        }
        List<Boolean> written = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(20)) {
            for (Future<Boolean> append : callers.invokeAll(appends)) {
                written.add(append.get());
            }
        }

        assertThat(written).containsOnlyOnce(false);
        assertThat(written.indexOf(false)).isEqualTo(20);
        assertThat(chainOf("faultside").entries()).isEqualTo(39);
        assertThat(chainOf("faultside").intact()).isTrue();
    }

    @Test
    void theWritersConnectionEndedByTheDatabaseIsReplacedAndTheNextEntryIsWritten() throws Exception {
        audit.append("restartside", "tablet-1", "tablet", "POST /api/sessions/{id}/heartbeat", "/api/sessions/1", 204);
        long ended = count("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000)) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND application_name = '" + AuditLog.WRITER_NAME + "'");
        assertThat(ended).as("the writer's own connection, ended as a database restart would").isEqualTo(1);

        audit.append("restartside", "tablet-2", "tablet", "POST /api/sessions/{id}/heartbeat", "/api/sessions/2", 204);

        assertThat(chainOf("restartside").entries()).isEqualTo(2);
        assertThat(chainOf("restartside").intact()).isTrue();
        assertThat(count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND application_name = '" + AuditLog.WRITER_NAME + "'")).as("the writer keeps a fresh connection").isEqualTo(1);
    }

    private static String register(String token, String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("displayName", name))
                .when().post("/api/patients").then().statusCode(201).extract().path("id");
    }

    private AuditChain.Verification chainOf(String clinic) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return AuditChain.verify(connection).stream().filter(chain -> chain.clinicId().equals(clinic)).findFirst().orElseThrow();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement query = connection.createStatement();
             ResultSet row = query.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
