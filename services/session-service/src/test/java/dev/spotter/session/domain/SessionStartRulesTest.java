package dev.spotter.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.events.screening.PatientEligibility;
import dev.spotter.events.screening.ProtocolPlan;
import dev.spotter.events.screening.ScreeningReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionStartRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final ProtocolPlan PLAN = new ProtocolPlan(20, 60, 30, 60, 180, 300, 4);
    private static final PatientEligibility CLEARED = new PatientEligibility(true, "CLEARED", List.of(), NOW.plus(Duration.ofDays(30)), null, null, null);

    private static SessionStartRules.Request request(PatientEligibility eligibility, Instant firstSession, long lastWeek, int angle, int hold) {
        return new SessionStartRules.Request(eligibility, PLAN, firstSession, lastWeek, angle, hold, NOW);
    }

    @Test
    void aClearedPatientStartsAtThePlannedValues() {
        assertThat(SessionStartRules.refusals(request(CLEARED, null, 0, 20, 60))).isEmpty();
    }

    @Test
    void anUnscreenedPatientIsRefused() {
        assertThat(SessionStartRules.refusals(request(null, null, 0, 20, 60))).extracting(SessionStartRules.Refusal::slug)
                .containsExactly("screening-required");
    }

    @Test
    void aContraindicatedPatientIsRefusedWithTheReason() {
        var glaucoma = new ScreeningReason("S2", "CONTRAINDICATED", List.of("23986001"), "Glaucoma.");
        var refusals = SessionStartRules.refusals(request(new PatientEligibility(false, "CONTRAINDICATED", List.of(glaucoma), null, null, null, null),
                null, 0, 20, 60));
        assertThat(refusals).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.detail()).contains("S2: Glaucoma.").contains("do not start");
        });
    }

    @Test
    void aNeedsClearancePatientIsToldToRecordAClearance() {
        var hypertension = new ScreeningReason("S6", "NEEDS_CLEARANCE", List.of(), "Hypertension.");
        var refusals = SessionStartRules.refusals(request(new PatientEligibility(false, "NEEDS_CLEARANCE", List.of(hypertension), null, null, null, null),
                null, 0, 20, 60));
        assertThat(refusals).singleElement().satisfies(r -> assertThat(r.detail()).contains("clearance"));
    }

    @Test
    void eligibilityEndsExactlyAtItsExpiry() {
        var expiring = new PatientEligibility(true, "CLEARED", List.of(), NOW, null, null, null);
        var later = new PatientEligibility(true, "CLEARED", List.of(), NOW.plusMillis(1), null, null, null);
        assertThat(SessionStartRules.refusals(request(expiring, null, 0, 20, 60))).extracting(SessionStartRules.Refusal::slug)
                .containsExactly("screening-expired");
        assertThat(SessionStartRules.refusals(request(later, null, 0, 20, 60))).isEmpty();
    }

    @Test
    void theFirstTwoWeeksCeilingIs30Degrees() {
        Instant firstSession = NOW.minus(Duration.ofDays(13));
        assertThat(SessionStartRules.refusals(request(CLEARED, firstSession, 0, 30, 60))).isEmpty();
        assertThat(SessionStartRules.refusals(request(CLEARED, firstSession, 0, 31, 60))).extracting(SessionStartRules.Refusal::field)
                .containsExactly("angleDegrees");
        assertThat(SessionStartRules.refusals(request(CLEARED, null, 0, 31, 60))).isNotEmpty();
    }

    @Test
    void afterTwoWeeksTheHardLimitIs60Degrees() {
        Instant firstSession = NOW.minus(Duration.ofDays(14));
        assertThat(SessionStartRules.refusals(request(CLEARED, firstSession, 0, 60, 60))).isEmpty();
        assertThat(SessionStartRules.refusals(request(CLEARED, firstSession, 0, 61, 60))).extracting(SessionStartRules.Refusal::field)
                .containsExactly("angleDegrees");
    }

    @Test
    void aHoldIsAtMostThreeMinutes() {
        assertThat(SessionStartRules.refusals(request(CLEARED, null, 0, 20, 180))).isEmpty();
        assertThat(SessionStartRules.refusals(request(CLEARED, null, 0, 20, 181))).extracting(SessionStartRules.Refusal::field)
                .containsExactly("holdSeconds");
    }

    @Test
    void atMostFourSessionsInSevenDays() {
        assertThat(SessionStartRules.refusals(request(CLEARED, null, 3, 20, 60))).isEmpty();
        assertThat(SessionStartRules.refusals(request(CLEARED, null, 4, 20, 60))).extracting(SessionStartRules.Refusal::slug)
                .containsExactly("weekly-limit");
    }

    @Test
    void aPlanCannotLiftTheHardLimits() {
        var generous = new ProtocolPlan(20, 60, 90, 90, 600, 900, 7);
        assertThat(SessionStartRules.angleCeiling(generous, NOW.minus(Duration.ofDays(30)), NOW)).isEqualTo(60);
        assertThat(SessionStartRules.angleCeiling(generous, NOW.minus(Duration.ofDays(3)), NOW)).isEqualTo(30);
        var request = new SessionStartRules.Request(CLEARED, generous, null, 4, 20, 60, NOW);
        assertThat(SessionStartRules.refusals(request)).extracting(SessionStartRules.Refusal::slug).containsExactly("weekly-limit");
    }
}
