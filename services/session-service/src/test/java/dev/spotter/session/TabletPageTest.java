package dev.spotter.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spotter.events.Priority;
import dev.spotter.events.alert.AlertRaised;
import dev.spotter.events.alert.AlertStatusChanged;
import dev.spotter.testing.Browser;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestEvents;
import dev.spotter.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The tablet app in a real headless Chromium, on the real database and broker, with the server's clock moved by the
 * test: a whole session from pre-check to the progress chart, and a stop-symptom with the Wi-Fi gone. Saves
 * screenshots for the docs.
 */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_session"))
class TabletPageTest {

    private static final String TABLET = TestTokens.issue("tablet.north", "northside", "tablet");
    private static final String STOP_PROTOCOL = "Bring the table slowly to horizontal.";
    // Kept under target/ so a test run changes no tracked file; -Dscreenshots.dir=../../docs/screenshots refreshes the docs' copies.
    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/tablet/")
    URL page;

    @Inject
    TestClock clock;

    private KafkaTestClient kafka;
    private UUID patient;
    private Browser browser;

    @BeforeEach
    void registerAPatientAndOpenTheTablet() {
        kafka = new KafkaTestClient(bootstrapServers);
        patient = UUID.randomUUID();
        kafka.send(TestEvents.encode(TestEvents.patientRegistered("northside", patient)));
        kafka.send(TestEvents.encode(TestEvents.defaultPlan("northside", patient)));
        kafka.send(TestEvents.encode(TestEvents.clearedScreening("northside", patient, Instant.now().plus(Duration.ofDays(60)))));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(TABLET).get("/api/courses").jsonPath()
                .getList("findAll { it.patientId == '" + patient + "' && it.mayStart }").size() == 1);
        browser = Browser.tablet();
        browser.open(url(page + "#token=" + TABLET));
    }

    @AfterEach
    void closeTheBrowser() {
        clock.reset();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aWholeSessionFromThePreCheckToTheProgressChart() {
        browser.click(card(".start"));
        browser.await(By.id("precheck"));
        assertThat(browser.await(By.id("suggestion")).getText()).contains("20");
        browser.type(By.id("spotter"), "Sam Spotter");
        browser.type(By.id("bp-systolic"), "122");
        browser.type(By.id("bp-diastolic"), "76");
        browser.type(By.id("heart-rate"), "68");
        browser.click(By.cssSelector("#pain-before button[data-value='5']"));
        browser.screenshot(SCREENSHOTS.resolve("tablet-precheck.png"));
        browser.click(By.cssSelector("#precheck-form button[type=submit]"));

        browser.await(By.id("session"));
        String session = onlySession();
        browser.click(By.id("start-hold"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sessionView(session).getBoolean("inverted"));
        browser.awaitText(By.id("current-angle"), "20");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.await(By.id("timer")).getText().matches("0?0:00"));
        browser.click(By.id("angle-up"));
        browser.awaitText(By.id("current-angle"), "25");
        browser.screenshot(SCREENSHOTS.resolve("tablet-session.png"));
        browser.click(By.id("upright"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !sessionView(session).getBoolean("inverted"));
        assertThat(entries(session)).containsExactly("HOLD_STARTED", "ANGLE_CHANGED", "UPRIGHT");

        clock.advance(Duration.ofMinutes(3));
        browser.click(By.id("to-postcheck"));
        browser.await(By.id("postcheck"));
        browser.type(By.id("post-bp-systolic"), "124");
        browser.type(By.id("post-bp-diastolic"), "78");
        browser.type(By.id("post-heart-rate"), "70");
        browser.click(By.cssSelector("#pain-after button[data-value='3']"));
        browser.type(By.id("spotter-signoff"), "Sam Spotter");
        browser.screenshot(SCREENSHOTS.resolve("tablet-postcheck.png"));
        browser.click(By.cssSelector("#postcheck-form button[type=submit]"));

        browser.await(By.id("session-done"));
        JsonPath done = sessionView(session);
        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.getInt("painBefore")).isEqualTo(5);
        assertThat(done.getInt("painAfter")).isEqualTo(3);
        assertThat(done.getInt("bpAfterSystolic")).isEqualTo(124);

        browser.click(By.cssSelector("#session-done .progress-link"));
        browser.await(By.id("progress-chart"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !browser.driver().findElements(By.cssSelector("#progress-chart circle, #progress-chart path")).isEmpty());
        assertThat(browser.await(By.id("progress-summary")).getText()).isNotBlank();
        given().auth().oauth2(TABLET).get("/api/courses/{id}/progress", patient).then().statusCode(200)
                .body("sessions[0].angleDegrees", org.hamcrest.Matchers.equalTo(20))
                .body("sessions[0].angleReachedDegrees", org.hamcrest.Matchers.equalTo(25));
        browser.type(By.id("odi-score"), "44");
        browser.click(By.cssSelector("#odi-form button[type=submit]"));
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(TABLET).get("/api/courses/{id}/progress", patient)
                .jsonPath().getInt("odi.BASELINE") == 44);
        browser.awaitText(By.id("progress-chart"), "44");
        browser.screenshot(SCREENSHOTS.resolve("tablet-progress.png"));
    }

    @Test
    void aStopSymptomShowsTheStopProtocolAtOnceWithoutNetworkAndIsSentOnceWhenItReturns() {
        String session = startSessionByApi();
        browser.open(url(page + "#token=" + TABLET));
        browser.click(card(".resume"));
        browser.await(By.id("session"));
        browser.click(By.id("start-hold"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sessionView(session).getBoolean("inverted"));

        browser.offline(true);
        browser.click(By.cssSelector(".symptom[data-code='chest-pain']"));

        assertThat(browser.await(By.id("stop-card")).getText()).contains("Chest pain");
        assertThat(browser.await(By.id("stop-protocol")).getText()).startsWith(STOP_PROTOCOL);
        assertThat(browser.await(By.id("stop-extra")).getText()).contains("physician");
        assertThat(browser.awaitText(By.id("network-banner"), "No network").getText()).contains("1 waiting");
        assertThat(sessionView(session).getList("symptoms")).isEmpty();
        browser.screenshot(SCREENSHOTS.resolve("tablet-stop-offline.png"));

        browser.offline(false);
        await().atMost(Duration.ofSeconds(15)).until(() -> sessionView(session).getList("symptoms").size() == 1);
        AlertRaised raised = TestEvents.alertRaised("northside", UUID.fromString(session), patient);
        kafka.send(TestEvents.encode(raised));
        browser.awaitText(By.id("alert-status"), "HIGH");
        // nobody on call as primary: the clinic lead is paged at once, by e-mail, and it arrives
        Instant now = Instant.now();
        kafka.send(TestEvents.encode(statusChanged(raised, AlertStatusChanged.Change.NOBODY_ON_CALL, 0, List.of(), now)));
        kafka.send(TestEvents.encode(statusChanged(raised, AlertStatusChanged.Change.PAGED, 1,
                List.of(new AlertStatusChanged.Page("dr.lead", "email")), now)));
        kafka.send(TestEvents.encode(statusChanged(raised, AlertStatusChanged.Change.DELIVERED, 1,
                List.of(new AlertStatusChanged.Page("dr.lead", "email")), now.plusMillis(300))));
        browser.awaitText(By.id("alert-status"), "Nobody on call at level 0");
        assertThat(browser.awaitText(By.id("alert-status"), "Paged: dr.lead by email").getText())
                .contains("Nobody on call at level 0").contains("· delivered");
        assertThat(browser.await(By.id("stop-protocol")).getText()).startsWith(STOP_PROTOCOL);
        browser.screenshot(SCREENSHOTS.resolve("tablet-stop-alert.png"));

        browser.click(By.id("stop-done"));
        browser.await(By.id("postcheck"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !sessionView(session).getBoolean("inverted"));
        JsonPath after = sessionView(session);
        assertThat(after.getString("status")).isEqualTo("STOPPED");
        assertThat(after.getList("symptoms")).hasSize(1);
    }

    @Test
    void aRefusedEntryIsShownWithTheServersReasonAndNotClipped() {
        String session = startSessionByApi();
        browser.open(url(page + "#token=" + TABLET));
        browser.click(card(".resume"));
        browser.click(By.id("start-hold"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sessionView(session).getBoolean("inverted"));

        for (int angle = 25; angle <= 35; angle += 5) {
            browser.click(By.id("angle-up"));
        }

        assertThat(browser.awaitText(By.id("session-error"), "30").isDisplayed()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> sessionView(session).getInt("currentAngleDegrees") == 30);
        browser.click(By.id("upright"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !sessionView(session).getBoolean("inverted"));
    }

    private AlertStatusChanged statusChanged(AlertRaised raised, AlertStatusChanged.Change change, int level,
                                             List<AlertStatusChanged.Page> paged, Instant at) {
        return new AlertStatusChanged(UUID.randomUUID(), "northside", at, raised.alertId(), raised.sessionId(), null, patient,
                change, "RAISED", Priority.HIGH, level, paged, null, at.plusSeconds(60));
    }

    private By card(String button) {
        return By.cssSelector("li.patient[data-patient-id='" + patient + "'] " + button);
    }

    private String startSessionByApi() {
        return given().auth().oauth2(TABLET).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(), "spotter", "Sam Spotter",
                        "bloodPressure", Map.of("systolic", 122, "diastolic", 76), "painBefore", 4))
                .post("/api/sessions").then().statusCode(201).extract().path("id");
    }

    /** The one session of this test's patient, as the tablet started it. */
    private String onlySession() {
        List<String> ids = given().auth().oauth2(TABLET).get("/api/sessions").jsonPath()
                .getList("findAll { it.patientId == '" + patient + "' }.id");
        assertThat(ids).hasSize(1);
        return ids.getFirst();
    }

    private static JsonPath sessionView(String session) {
        return given().auth().oauth2(TABLET).get("/api/sessions/{id}", session).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> entries(String session) {
        return given().auth().oauth2(TABLET).get("/api/sessions/{id}/inversion", session).then().statusCode(200)
                .extract().jsonPath().getList("kind");
    }

    private static URL url(String address) {
        try {
            return URI.create(address).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
