package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Screening is the gate: only a cleared patient, or one whose clearance covers every reason, can start a session. */
class ScreeningGateEndToEndIT {

    private static Clinic clinic;

    @BeforeAll
    static void startPlatform() throws Exception {
        clinic = new Clinic(Platform.shared());
    }

    @Test
    void aContraindicatedPatientCannotStartASession() throws Exception {
        String patient = clinic.register("Gwen Glaucoma");
        assertThat(clinic.screen(patient, Map.of("glaucoma", true))).isEqualTo("CONTRAINDICATED");

        awaitRefusal(patient, "urn:spotter:problem:not-cleared", "S2");
        assertThat(clinic.recordClearance(patient, List.of("S2"), LocalDate.now(ZoneOffset.UTC).plusDays(30)).status()).isEqualTo(422);
        assertThat(clinic.startSession(patient).status()).isEqualTo(409);
    }

    @Test
    void aNeedsClearancePatientCanStartOnceAClearanceCoversTheReason() throws Exception {
        String patient = clinic.register("Hugo Hypertension");
        assertThat(clinic.screen(patient, Map.of("hypertension", true))).isEqualTo("NEEDS_CLEARANCE");
        awaitRefusal(patient, "urn:spotter:problem:not-cleared", "S6");

        assertThat(clinic.recordClearance(patient, List.of("S6"), LocalDate.now(ZoneOffset.UTC).plusDays(30)).status()).isEqualTo(201);

        assertThat(clinic.startSessionWhenCleared(patient)).isNotBlank();
    }

    @Test
    void aClearanceNoLongerCountsOnTheDayItExpires() throws Exception {
        String patient = clinic.register("Ida Expired");
        assertThat(clinic.screen(patient, Map.of("hypertension", true))).isEqualTo("NEEDS_CLEARANCE");

        assertThat(clinic.recordClearance(patient, List.of("S6"), LocalDate.now(ZoneOffset.UTC)).status()).isEqualTo(201);

        Http.Reply eligibility = Http.get(Platform.shared().screening.uri("/api/patients/" + patient + "/eligibility"), Clinic.TABLET);
        assertThat(eligibility.body().get("eligible").asBoolean()).isFalse();
        // the clearance's event carries that verdict; give it time to arrive, then the refusal must still hold
        Thread.sleep(Clinic.PROPAGATION.toMillis() / 5);
        awaitRefusal(patient, "urn:spotter:problem:not-cleared", "S6");
    }

    private static void awaitRefusal(String patient, String type, String reason) {
        await().atMost(Clinic.PROPAGATION).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            Http.Reply refused = clinic.startSession(patient);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body().get("type").asText()).isEqualTo(type);
            assertThat(refused.body().get("detail").asText()).contains(reason);
        });
    }
}
