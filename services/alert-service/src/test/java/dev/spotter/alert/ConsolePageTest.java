package dev.spotter.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.spotter.events.Priority;
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
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The clinician console in a real headless Chromium, on the real database and broker, alerts raised by stop-symptoms
 * published to Kafka: an alert arriving live, acknowledged and resolved by clicks, with no other clinic's alert ever
 * shown; a colleague's acknowledgement refusing a second one in words; the stream lost and regained. Each test has two
 * clinics of its own, each with a clinician on call. Saves screenshots for the docs.
 */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_alert"))
@WithTestResource(MailServer.class)
class ConsolePageTest {

    // Kept under target/ so a test run changes no tracked file; -Dscreenshots.dir=../../docs/screenshots refreshes the docs' copies.
    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    private static final String STREAM = "*/api/alerts/stream*";
    private static final String LIVE = "#live-state[data-live=true]";
    private static final Duration RAISE_PATIENCE = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/console/")
    URL page;

    @Inject
    TestClock clock;

    private String clinic;
    private String otherClinic;
    private String doctor;
    private String colleague;
    private String otherDoctor;
    private Browser browser;

    @BeforeEach
    void twoClinicsWithAClinicianOnCallEach() {
        clinic = "console-" + UUID.randomUUID().toString().substring(0, 8);
        otherClinic = "console-" + UUID.randomUUID().toString().substring(0, 8);
        doctor = TestTokens.issue("dr.console", clinic, "clinician");
        colleague = TestTokens.issue("dr.colleague", clinic, "clinician");
        otherDoctor = TestTokens.issue("dr.elsewhere", otherClinic, "clinician");
        rosterWithOnCall(clinic, List.of("dr.console", "dr.colleague"));
        rosterWithOnCall(otherClinic, List.of("dr.elsewhere"));
    }

    @AfterEach
    void closeTheBrowserAndBackToRealTime() {
        clock.reset();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theShellNeedsNoTokenTheApiDoesAndEveryAnswerCarriesTheServersTime() {
        given().get("/console/").then().statusCode(200).contentType(ContentType.HTML);
        given().get("/console/console.js").then().statusCode(200);
        given().get("/api/alerts").then().statusCode(401);

        clock.advance(Duration.ofHours(2));
        String date = given().auth().oauth2(doctor).get("/api/alerts").then().statusCode(200).extract().header("Date");

        Instant server = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(Duration.between(Instant.now().plus(Duration.ofHours(2)), server).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anAlertArrivesLiveIsAcknowledgedAndResolvedByClicksAndNoOtherClinicsAlertEverShows() {
        // the server runs 30 s ahead of this machine: the countdown must follow the server, not the browser's clock
        clock.advance(Duration.ofSeconds(30));
        String before = alertId(raise(otherClinic, "fainting"), otherDoctor);
        browser = Browser.tablet();
        browser.open(url(page + "#token=" + doctor));
        browser.await(By.cssSelector(LIVE));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("token");
        assertThat(browser.await(By.id("signed-in")).getText()).contains("dr.console", clinic);
        assertThat(browser.await(By.id("no-open")).getText()).isEqualTo("No open alerts.");
        long listLoads = listLoads();

        String during = alertId(raise(otherClinic, "sudden-headache"), otherDoctor);
        String alert = alertId(raise(clinic, "chest-pain"), doctor);

        WebElement card = browser.awaitText(card(alert), "Chest pain");
        assertThat(listLoads()).as("the alert came by the stream, not by reloading the list").isEqualTo(listLoads);
        assertThat(card.findElement(By.cssSelector(".priority")).getText()).isEqualTo("HIGH");
        assertThat(card.findElement(By.cssSelector(".status")).getText()).isEqualTo("Not acknowledged");
        assertThat(card.findElement(By.cssSelector(".escalation")).getText()).contains("Escalation level 1", "level 0: dr.console");
        assertThat(secondsOf(card.findElement(By.cssSelector(".countdown")).getText())).isBetween(45, 60);
        assertThat(browser.await(By.id("arrival")).getText()).startsWith("New HIGH alert: Chest pain");
        assertThat(browser.driver().getTitle()).startsWith("(1) ");
        assertThat(browser.driver().findElements(By.cssSelector("li.alert"))).hasSize(1);
        assertThat(browser.driver().findElements(card(before))).isEmpty();
        assertThat(browser.driver().findElements(card(during))).isEmpty();
        browser.click(inCard(alert, ".timeline summary"));
        assertThat(browser.await(inCard(alert, ".timeline-entries")).getText()).contains("Raised", "Chest pain (HIGH)", "Paged");
        browser.screenshot(SCREENSHOTS.resolve("console-alert.png"));

        browser.click(inCard(alert, "button.acknowledge"));

        browser.awaitText(inCard(alert, ".handled"), "Acknowledged by dr.console");
        alertView(alert, doctor).then().body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo("dr.console"));
        assertThat(browser.driver().findElements(inCard(alert, "button.acknowledge")).getFirst().isDisplayed()).isFalse();
        browser.awaitText(inCard(alert, ".escalation"), "pages again in");
        assertThat(secondsOf(browser.await(inCard(alert, ".countdown")).getText())).isBetween(590, 600);
        assertThat(browser.driver().getTitle()).isEqualTo("Spotter · Console");
        assertThat(browser.await(inCard(alert, ".timeline-entries")).getText()).contains("Acknowledged", "by dr.console");
        browser.screenshot(SCREENSHOTS.resolve("console-acknowledged.png"));

        browser.click(inCard(alert, "details.resolve summary"));
        browser.click(inCard(alert, ".resolve-form button[type=submit]"));
        assertThat(browser.awaitText(inCard(alert, ".problem"), "Write the outcome first").isDisplayed()).isTrue();
        browser.type(inCard(alert, ".resolve-form textarea"), "Chest pain settled lying flat; ECG normal. Physician review booked.");
        browser.click(inCard(alert, ".resolve-form button[type=submit]"));

        WebElement closed = browser.awaitText(By.cssSelector("#closed-alerts li.alert[data-alert-id='" + alert + "']"), "Resolved by dr.console");
        assertThat(closed.getText()).contains("ECG normal. Physician review booked.");
        assertThat(browser.driver().findElements(By.cssSelector("#open-alerts li.alert"))).isEmpty();
        assertThat(browser.await(By.id("no-open")).isDisplayed()).isTrue();
        alertView(alert, doctor).then().body("status", equalTo("RESOLVED")).body("resolvedBy", equalTo("dr.console"));
        assertThat(browser.driver().findElements(card(during))).isEmpty();
        browser.screenshot(SCREENSHOTS.resolve("console-resolved.png"));
    }

    @Test
    void aColleaguesAcknowledgementIsSaidInWordsAndALostStreamIsShownAndRegained() {
        String alert = alertId(raise(clinic, "visual-disturbance"), doctor);
        browser = Browser.start(1440, 1000);
        blockTheStream(true);
        browser.open(url(page + "#token=" + doctor));

        browser.awaitText(By.id("stream-state"), "Live updates lost: reconnecting");
        browser.awaitText(By.id("retry-in"), "Next try in");
        assertThat(browser.await(By.id("live-state")).getText()).isEqualTo("Not live");
        browser.awaitText(card(alert), "Visual disturbance");
        given().auth().oauth2(colleague).post("/api/alerts/{id}/acknowledge", alert).then().statusCode(200);
        browser.screenshot(SCREENSHOTS.resolve("console-stream-lost.png"));

        // the page has not heard of the colleague's acknowledgement: the server refuses this one, and the page says why
        browser.click(inCard(alert, "button.acknowledge"));

        assertThat(browser.awaitText(inCard(alert, ".problem"), "Nothing to acknowledge").getText()).contains("dr.colleague");
        browser.awaitText(inCard(alert, ".handled"), "Acknowledged by dr.colleague");
        browser.screenshot(SCREENSHOTS.resolve("console-conflict.png"));

        blockTheStream(false);
        await().atMost(Duration.ofSeconds(40)).until(() -> !browser.driver().findElements(By.cssSelector(LIVE)).isEmpty());
        assertThat(browser.driver().findElement(By.id("stream-state")).getText()).doesNotContain("lost");
        given().auth().oauth2(colleague).contentType(ContentType.JSON).body(Map.of("outcome", "Eye check clear."))
                .post("/api/alerts/{id}/resolve", alert).then().statusCode(200);
        browser.awaitText(By.cssSelector("#closed-alerts li.alert[data-alert-id='" + alert + "']"), "Resolved by dr.colleague");
    }

    // ---- The clinics

    /** The clinic's clinicians; the first leads the clinic and is the primary on call from an hour ago. */
    private static void rosterWithOnCall(String clinicId, List<String> clinicians) {
        String admin = TestTokens.issue("admin.console", clinicId, "clinic-admin");
        String primary = clinicians.getFirst();
        for (String who : clinicians) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("displayName", who, "email", who + "@clinic.example"))
                    .put("/api/roster/clinicians/{u}", who).then().statusCode(200);
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("timeZone", "UTC", "clinicLead", primary))
                .put("/api/roster/settings").then().statusCode(200);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("clinician", primary, "role", "PRIMARY", "start", now.minusHours(1).toString(), "end", now.plusHours(12).toString()))
                .post("/api/roster/shifts").then().statusCode(201);
    }

    // ---- Alerts, raised the real way: a HIGH stop-symptom of a session, published to the broker

    private UUID raise(String clinicId, String symptom) {
        UUID session = UUID.randomUUID();
        new KafkaTestClient(bootstrapServers).send(TestEvents.encode(TestEvents.symptom(clinicId, session, symptom, Priority.HIGH)));
        return session;
    }

    /** The id of the session's alert, once alert-service has raised it; the token is of the session's clinic. */
    private static String alertId(UUID session, String token) {
        return await().atMost(RAISE_PATIENCE).until(() -> given().auth().oauth2(token).get("/api/alerts").jsonPath()
                .<String>getList("findAll { it.sessionId == '" + session + "' }.id"), ids -> ids.size() == 1).getFirst();
    }

    private static Response alertView(String alert, String token) {
        return given().auth().oauth2(token).get("/api/alerts/{id}", alert);
    }

    // ---- The page

    private static By card(String alert) {
        return By.cssSelector("li.alert[data-alert-id='" + alert + "']");
    }

    private static By inCard(String alert, String selector) {
        return By.cssSelector("li.alert[data-alert-id='" + alert + "'] " + selector);
    }

    /** How many times the page has loaded the whole list (GET /api/alerts, not one alert or the stream). */
    private long listLoads() {
        return (Long) browser.driver().executeScript("return performance.getEntriesByType('resource')"
                + ".filter(entry => new URL(entry.name).pathname === '/api/alerts').length");
    }

    /** Cuts the page off its alert stream (every connection attempt fails), or gives it back. */
    private void blockTheStream(boolean blocked) {
        browser.driver().executeCdpCommand("Network.enable", Map.of());
        browser.driver().executeCdpCommand("Network.setBlockedURLs", Map.of("urls", blocked ? List.of(STREAM) : List.of()));
    }

    /** Seconds of a countdown shown as m:ss. */
    private static int secondsOf(String countdown) {
        String[] parts = countdown.split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    private static URL url(String address) {
        try {
            return URI.create(address).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
