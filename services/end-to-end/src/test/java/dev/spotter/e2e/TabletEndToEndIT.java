package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.testing.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The tablet app against the three real services: patient names come from screening-service across origins, the
 * session starts through the pre-check, chest pain shows the stop card, and the alert that alert-service raises
 * comes back to the tablet live.
 */
class TabletEndToEndIT {

    // Kept under target/ so a test run changes no tracked file; -Dscreenshots.dir=../../docs/screenshots refreshes the docs' copies.
    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    private static Platform platform;
    private static Clinic clinic;
    private Browser browser;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.shared();
        clinic = new Clinic(platform);
    }

    @BeforeEach
    void openTheTablet() {
        browser = Browser.tablet();
    }

    @AfterEach
    void closeTheTablet() {
        browser.close();
    }

    @Test
    void chestPainOnTheTabletShowsTheStopCardAndTheAlertComesBackLive() throws Exception {
        String contraindicated = clinic.register("Omar Haddad");
        assertThat(clinic.screen(contraindicated, Map.of("glaucoma", true))).isEqualTo("CONTRAINDICATED");
        String patient = clinic.register("Lena Marsh");
        assertThat(clinic.screen(patient, Map.of())).isEqualTo("CLEARED");
        await().atMost(Clinic.PROPAGATION).until(() -> mayStart(patient));
        browser.open(platform.session.uri("/tablet/#token=" + Clinic.TABLET).toURL());

        By card = By.cssSelector("li.patient[data-patient-id='" + patient + "']");
        assertThat(browser.awaitText(card, "Lena Marsh").getText()).contains("Lena Marsh");
        assertThat(browser.awaitText(By.cssSelector("li.patient[data-patient-id='" + contraindicated + "']"), "Omar Haddad")
                .findElement(By.cssSelector(".start")).isEnabled()).isFalse();
        // the list holds every patient the other end-to-end tests registered: the window, scrolled to this one, is the picture
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.await(card));
        browser.screenshotOfWindow(SCREENSHOTS.resolve("tablet-patients.png"));
        browser.click(By.cssSelector("li.patient[data-patient-id='" + patient + "'] .start"));
        browser.type(By.id("spotter"), "Sam Spotter");
        browser.type(By.id("bp-systolic"), "124");
        browser.type(By.id("bp-diastolic"), "78");
        browser.click(By.cssSelector("#pain-before button[data-value='4']"));
        browser.click(By.cssSelector("#precheck-form button[type=submit]"));
        browser.await(By.id("session"));
        browser.click(By.id("start-hold"));
        browser.awaitText(By.id("session-status"), "nverted");

        browser.click(By.cssSelector(".symptom[data-code='chest-pain']"));

        assertThat(browser.await(By.id("stop-protocol")).getText()).startsWith("Bring the table slowly to horizontal.");
        assertThat(browser.awaitText(By.id("alert-status"), "HIGH").getText()).containsIgnoringCase("raised");
        browser.screenshot(SCREENSHOTS.resolve("tablet-stop-alert-live.png"));
        JsonNode alerts = Http.get(platform.alert.uri("/api/alerts"), Clinic.CLINICIAN).body();
        long ofPatient = 0;
        for (JsonNode alert : alerts) {
            ofPatient += alert.get("patientId").asText().equals(patient) ? 1 : 0;
        }
        assertThat(ofPatient).isEqualTo(1);
        String alertId = null;
        for (JsonNode alert : alerts) {
            alertId = alert.get("patientId").asText().equals(patient) ? alert.get("id").asText() : alertId;
        }
        assertThat(Http.post(platform.alert.uri("/api/alerts/" + alertId + "/acknowledge"), Clinic.CLINICIAN, Map.of()).status())
                .isEqualTo(200);
        browser.awaitText(By.id("alert-status"), "Acknowledged by dr.north");

        browser.click(By.id("stop-done"));
        browser.await(By.id("postcheck"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !inverted(patient));
    }

    private static boolean mayStart(String patient) throws Exception {
        for (JsonNode course : Http.get(platform.session.uri("/api/courses"), Clinic.TABLET).body()) {
            if (course.get("patientId").asText().equals(patient)) {
                return course.get("mayStart").asBoolean();
            }
        }
        return false;
    }

    private static boolean inverted(String patient) throws Exception {
        for (JsonNode session : Http.get(platform.session.uri("/api/sessions"), Clinic.TABLET).body()) {
            if (session.get("patientId").asText().equals(patient)) {
                return session.get("inverted").asBoolean();
            }
        }
        return false;
    }
}
