package dev.spotter.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rosters through the API on the real database: who may change them, what is refused, and the coverage check. */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_alert"))
@WithTestResource(MailServer.class)
class RosterApiTest {

    private static final String ADMIN = TestTokens.issue("admin.north", "northside", "clinic-admin");
    private static final String CLINICIAN = TestTokens.issue("dr.north", "northside", "clinician");
    private static final String RIVER_ADMIN = TestTokens.issue("admin.river", "riverside", "clinic-admin");

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String newClinician(String token) {
        String username = "dr." + UUID.randomUUID().toString().substring(0, 8);
        as(token).body(Map.of("displayName", "Dr " + username, "email", username + "@clinic.example"))
                .put("/api/roster/clinicians/{u}", username).then().statusCode(200).body("username", equalTo(username));
        return username;
    }

    @Test
    void aClinicAdminManagesTheRosterAndAClinicianOnlyReadsIt() {
        String doctor = newClinician(ADMIN);
        as(ADMIN).body(Map.of("timeZone", "Europe/London", "clinicLead", doctor)).put("/api/roster/settings")
                .then().statusCode(200).body("timeZone", equalTo("Europe/London")).body("clinicLead", equalTo(doctor));
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.HOURS).plusDays(3);
        String shift = as(ADMIN).body(Map.of("clinician", doctor, "role", "PRIMARY", "start", start.toString(),
                        "end", start.plusHours(12).toString()))
                .post("/api/roster/shifts").then().statusCode(201).body("role", equalTo("PRIMARY")).extract().path("id");

        as(CLINICIAN).get("/api/roster/shifts").then().statusCode(200).body("id", hasItem(shift));
        as(CLINICIAN).get("/api/roster/clinicians").then().statusCode(200).body("username", hasItem(doctor));
        as(CLINICIAN).body(Map.of("displayName", "Dr X", "email", "x@clinic.example")).put("/api/roster/clinicians/dr.x")
                .then().statusCode(403);
        as(CLINICIAN).delete("/api/roster/shifts/{id}", shift).then().statusCode(403);
        given().get("/api/roster/settings").then().statusCode(401);

        as(ADMIN).delete("/api/roster/shifts/{id}", shift).then().statusCode(204);
        as(CLINICIAN).get("/api/roster/shifts").then().body("id", not(hasItem(shift)));
    }

    @Test
    void badRosterInputIsRefusedNamingTheField() {
        String doctor = newClinician(ADMIN);
        LocalDateTime start = LocalDateTime.parse("2026-12-01T08:00");

        as(ADMIN).body(Map.of("displayName", "Dr Nobody")).put("/api/roster/clinicians/dr.nobody")
                .then().statusCode(400).body("errors.field", contains("email", "webhookUrl"));
        as(ADMIN).body(Map.of("displayName", "Dr Web", "webhookUrl", "ftp://pager")).put("/api/roster/clinicians/dr.web")
                .then().statusCode(400).body("errors[0].field", equalTo("webhookUrl"));
        as(ADMIN).body(Map.of("timeZone", "Mars/Olympus")).put("/api/roster/settings")
                .then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        as(ADMIN).body(Map.of("timeZone", "UTC", "clinicLead", "dr.unknown")).put("/api/roster/settings")
                .then().statusCode(422).body("errors[0].field", equalTo("clinicLead"));
        as(ADMIN).body(Map.of("clinician", "dr.unknown", "role", "PRIMARY", "start", start.toString(), "end", start.plusHours(8).toString()))
                .post("/api/roster/shifts").then().statusCode(422).body("errors[0].field", equalTo("clinician"));
        as(ADMIN).body(Map.of("clinician", doctor, "role", "PRIMARY", "start", start.toString(), "end", start.toString()))
                .post("/api/roster/shifts").then().statusCode(400).body("errors[0].field", equalTo("end"));
        as(ADMIN).body(Map.of("clinician", doctor, "role", "PRIMARY", "start", start.toString(), "end", start.plusDays(3).toString()))
                .post("/api/roster/shifts").then().statusCode(400).body("errors[0].field", equalTo("end"));
        as(ADMIN).body(Map.of("clinician", doctor, "role", "TERTIARY", "start", start.toString(), "end", start.plusHours(8).toString()))
                .post("/api/roster/shifts").then().statusCode(400).body("errors[0].field", equalTo("role"));
    }

    @Test
    void anotherClinicSeesNoneOfTheRosterAndCannotUseItsClinicians() {
        String doctor = newClinician(ADMIN);
        LocalDateTime start = LocalDateTime.now().plusDays(1).truncatedTo(ChronoUnit.HOURS);
        String shift = as(ADMIN).body(Map.of("clinician", doctor, "role", "SECONDARY", "start", start.toString(),
                "end", start.plusHours(8).toString())).post("/api/roster/shifts").then().statusCode(201).extract().path("id");

        as(RIVER_ADMIN).get("/api/roster/clinicians").then().statusCode(200).body("username", not(hasItem(doctor)));
        as(RIVER_ADMIN).get("/api/roster/shifts").then().statusCode(200).body("id", not(hasItem(shift)));
        as(RIVER_ADMIN).delete("/api/roster/shifts/{id}", shift).then().statusCode(404);
        as(RIVER_ADMIN).body(Map.of("clinician", doctor, "role", "PRIMARY", "start", start.toString(), "end", start.plusHours(8).toString()))
                .post("/api/roster/shifts").then().statusCode(422);
        as(ADMIN).get("/api/roster/shifts").then().body("id", hasItem(shift));
    }

    @Test
    void theCoverageCheckListsTheNextFourteenDaysGapsPerRole() {
        String clinic = "coverage-" + UUID.randomUUID().toString().substring(0, 6);
        String admin = TestTokens.issue("admin.cov", clinic, "clinic-admin");
        String doctor = newClinician(admin);
        as(admin).body(Map.of("timeZone", "UTC")).put("/api/roster/settings").then().statusCode(200);
        LocalDateTime start = LocalDateTime.now(ZoneId.of("UTC")).truncatedTo(ChronoUnit.HOURS).plusDays(2);
        as(admin).body(Map.of("clinician", doctor, "role", "PRIMARY", "start", start.toString(), "end", start.plusHours(12).toString()))
                .post("/api/roster/shifts").then().statusCode(201);

        as(admin).get("/api/roster/coverage").then().statusCode(200)
                .body("timeZone", equalTo("UTC"))
                .body("gaps.findAll { it.role == 'PRIMARY' }", hasSize(2))
                .body("gaps.findAll { it.role == 'PRIMARY' }[0].toLocal", equalTo(start.toString() + ":00"))
                .body("gaps.findAll { it.role == 'SECONDARY' }", hasSize(1));
        as(admin).get("/api/roster/coverage?days=61").then().statusCode(400).body("errors[0].field", equalTo("days"));
    }
}
