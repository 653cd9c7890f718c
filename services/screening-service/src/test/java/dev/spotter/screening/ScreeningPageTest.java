package dev.spotter.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.spotter.testing.Browser;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The tablet's screening page in a real headless Chromium, on the real database and broker; saves screenshots for the docs. */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_screening"))
class ScreeningPageTest {

    private static final String TABLET = TestTokens.issue("tablet.north", "northside", "tablet");
    private static final String CLINICIAN = TestTokens.issue("dr.north", "northside", "clinician");
    // Kept under target/ so a test run changes no tracked file; -Dscreenshots.dir=../../docs/screenshots refreshes the docs' copies.
    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    @TestHTTPResource("/screening/")
    URL page;

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.tablet();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aPatientWithNothingToReportIsClearedAndMayStartSessions() {
        String patient = register("Ada Lindqvist");
        signIn(TABLET);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("token");
        assertThat(browser.await(By.id("signed-in")).getText()).contains("tablet.north", "northside");

        screen(patient);
        answerEverythingNo();
        enterBloodPressure(122, 76);
        browser.type(By.name("weightKg"), "74");
        browser.screenshot(SCREENSHOTS.resolve("screening-questionnaire.png"));
        submit();

        assertThat(browser.awaitText(By.id("outcome-banner"), "CLEARED").getText()).doesNotContain("NEEDS");
        assertThat(browser.await(By.id("outcome-eligibility")).getText()).startsWith("May start sessions until");
        assertThat(browser.driver().findElement(By.id("urgent-note")).isDisplayed()).isFalse();
        assertThat(browser.driver().findElements(By.cssSelector("#outcome-clearance form"))).isEmpty();
        browser.screenshot(SCREENSHOTS.resolve("screening-cleared.png"));
    }

    @Test
    void glaucomaIsAContraindicationThatNoClearanceCanLift() {
        signIn(TABLET);
        browser.type(By.id("new-patient-name"), "Bruno Keller");
        browser.click(By.cssSelector("#register-form button[type=submit]"));
        browser.await(By.id("questionnaire-view"));
        answerEverythingNo();
        answerYes("glaucoma");
        enterBloodPressure(118, 74);
        browser.type(By.name("weightKg"), "81");
        submit();

        browser.awaitText(By.id("outcome-banner"), "CONTRAINDICATED");
        assertThat(browser.await(By.cssSelector("#reasons [data-rule=S2]")).getText())
                .contains("Glaucoma or ocular hypertension: inversion raises eye pressure (S2).");
        assertThat(browser.await(By.id("outcome-eligibility")).getText()).startsWith("Cannot start sessions:");
        assertThat(browser.driver().findElements(By.cssSelector("#outcome-clearance form"))).isEmpty();
        browser.screenshot(SCREENSHOTS.resolve("screening-contraindicated.png"));
    }

    @Test
    void onlyAClinicianRecordsTheClearanceAHypertensivePatientNeeds() {
        String patient = register("Chiara Rossi");
        signIn(TABLET);
        screen(patient);
        answerEverythingNo();
        answerYes("hypertension");
        enterBloodPressure(126, 78);
        browser.type(By.name("weightKg"), "68");
        submit();

        browser.awaitText(By.id("outcome-banner"), "NEEDS CLEARANCE");
        assertThat(browser.await(By.cssSelector("#outcome-clearance input[name=scope][value=S6]")).isSelected()).isTrue();
        fillClearance("Dr. Ines Haas", "GMC-4821");
        browser.screenshot(SCREENSHOTS.resolve("screening-needs-clearance.png"));
        browser.click(By.cssSelector("#clearance-form button[type=submit]"));
        browser.awaitText(By.id("clearance-error"), "Only a clinician can record a clearance");
        given().auth().oauth2(TABLET).when().get("/api/patients/{id}/clearances", patient).then().statusCode(200).body("", hasSize(0));

        browser.click(By.id("sign-out"));
        browser.type(By.id("token-input"), CLINICIAN);
        browser.click(By.cssSelector("#sign-in-form button[type=submit]"));
        assertThat(browser.awaitText(By.id("signed-in"), "dr.north").getText()).contains("northside");
        browser.click(By.cssSelector("[data-patient-id='" + patient + "']"));
        browser.awaitText(By.id("patient-eligibility"), "Cannot start sessions:");
        assertThat(browser.await(By.cssSelector("#patient-clearance input[name=scope][value=S6]")).isSelected()).isTrue();
        fillClearance("Dr. Ines Haas", "GMC-4821");
        browser.click(By.cssSelector("#clearance-form button[type=submit]"));

        browser.awaitText(By.id("patient-eligibility"), "May start sessions until");
        assertThat(browser.await(By.cssSelector("#patient-clearance .recorded")).getText()).isEqualTo("Clearance by Dr. Ines Haas recorded.");
        given().auth().oauth2(TABLET).when().get("/api/patients/{id}/eligibility", patient).then().statusCode(200)
                .body("eligible", equalTo(true));
    }

    @Test
    void anImplausibleBloodPressureIsShownOnItsQuestionAndNothingIsSavedUntilCorrected() {
        String patient = register("Dmitri Volkov");
        signIn(TABLET);
        screen(patient);
        answerEverythingNo();
        enterBloodPressure(40, 30);
        browser.type(By.name("weightKg"), "90");
        submit();

        assertThat(browser.awaitText(By.cssSelector("#q-S7 > .error"), "Systolic must be between 50 and 300 mmHg.").getText())
                .doesNotStartWith("S7:");
        assertThat(browser.await(By.id("screening-error")).getText()).contains("nothing was saved");
        assertThat(browser.driver().findElements(By.cssSelector(".question.has-error"))).hasSize(1);
        given().auth().oauth2(TABLET).when().get("/api/patients/{id}/screenings", patient).then().statusCode(200).body("", hasSize(0));

        browser.offline(true);
        browser.type(By.name("bloodPressure.first.systolic"), "120");
        submit();
        browser.awaitText(By.id("screening-error"), "No connection: nothing was saved, try again.");
        browser.offline(false);
        submit();
        browser.awaitText(By.id("outcome-banner"), "CLEARED");
        given().auth().oauth2(TABLET).when().get("/api/patients/{id}/screenings", patient).then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void aNeurologicalRedFlagTellsStaffThatAClinicianHasBeenAlerted() {
        String patient = register("Emil Sandoval");
        signIn(TABLET);
        screen(patient);
        answerEverythingNo();
        answerYes("neurologicalRedFlags");
        enterBloodPressure(118, 76);
        browser.type(By.name("weightKg"), "77");
        submit();

        browser.awaitText(By.id("outcome-banner"), "CONTRAINDICATED");
        assertThat(browser.await(By.id("urgent-note")).getText()).startsWith("A clinician has been alerted.");
        assertThat(browser.await(By.cssSelector("#reasons [data-rule=S14]")).getText()).startsWith("URGENT").contains("refer the patient today");
    }

    private static String register(String name) {
        return given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(Map.of("displayName", name))
                .when().post("/api/patients").then().statusCode(201).extract().path("id");
    }

    private void signIn(String token) {
        browser.open(withFragment("token=" + token));
        browser.await(By.id("patients-view"));
    }

    private URL withFragment(String fragment) {
        try {
            return URI.create(page + "#" + fragment).toURL();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** From the patient list to the patient's empty questionnaire. */
    private void screen(String patientId) {
        browser.click(By.cssSelector("[data-patient-id='" + patientId + "']"));
        browser.awaitText(By.id("patient-eligibility"), "Cannot start sessions:");
        browser.click(By.id("start-screening"));
        browser.await(By.id("q-S14"));
    }

    private void answerEverythingNo() {
        for (WebElement no : browser.driver().findElements(By.cssSelector("#questions .toggle[data-value=false]"))) {
            no.click();
        }
        browser.click(By.cssSelector(".toggle[data-field=osteoporosis][data-value=NONE]"));
    }

    private void answerYes(String field) {
        browser.click(By.cssSelector(".toggle[data-field=" + field + "][data-value=true]"));
    }

    private void enterBloodPressure(int systolic, int diastolic) {
        browser.type(By.name("bloodPressure.first.systolic"), String.valueOf(systolic));
        browser.type(By.name("bloodPressure.first.diastolic"), String.valueOf(diastolic));
    }

    private void fillClearance(String physician, String physicianId) {
        browser.type(By.name("physicianName"), physician);
        browser.type(By.name("physicianId"), physicianId);
    }

    private void submit() {
        browser.click(By.cssSelector("#screening-form button[type=submit]"));
    }
}
