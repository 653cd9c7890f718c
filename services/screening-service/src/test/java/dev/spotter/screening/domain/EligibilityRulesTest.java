package dev.spotter.screening.domain;

import dev.spotter.clinical.BloodPressure;
import static dev.spotter.screening.domain.Outcome.CLEARED;
import static dev.spotter.screening.domain.Outcome.CONTRAINDICATED;
import static dev.spotter.screening.domain.Outcome.NEEDS_CLEARANCE;
import static dev.spotter.screening.domain.FilledQuestionnaire.healthyAdult;
import static dev.spotter.screening.domain.FilledQuestionnaire.healthyAdultWith;
import static dev.spotter.screening.domain.FilledQuestionnaire.reading;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EligibilityRulesTest {

    private static final LocalDate TODAY = FilledQuestionnaire.TODAY;
    private static final LocalDate COMPLETED = TODAY.minusDays(10);
    private static final LocalDate SCREENING_EXPIRES = COMPLETED.plusDays(90);
    private static final ClinicRules DEFAULTS = ClinicRules.defaults();
    private static final BloodPressure NORMAL_BP = new BloodPressure(118, 76);

    @Test
    void aClearedScreeningIsEligibleUntilItExpires() {
        Eligibility eligibility = evaluate(screen(healthyAdult()), NORMAL_BP, List.of());

        assertThat(eligibility).isEqualTo(new Eligibility(true, CLEARED, List.of(), SCREENING_EXPIRES, null));
    }

    @Test
    void theScreeningCountsOnItsLastDay() {
        Eligibility eligibility = EligibilityRules.evaluate(screen(healthyAdult()), TODAY.minusDays(89), NORMAL_BP, List.of(), DEFAULTS, TODAY);

        assertThat(eligibility.eligible()).isTrue();
        assertThat(eligibility.eligibleUntil()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void theScreeningExpires90DaysAfterItWasCompleted() {
        Eligibility eligibility = EligibilityRules.evaluate(screen(healthyAdult()), TODAY.minusDays(90), NORMAL_BP, List.of(), DEFAULTS, TODAY);

        assertThat(eligibility.eligible()).isFalse();
        assertThat(eligibility.eligibleUntil()).isNull();
        assertThat(eligibility.blockingReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.ruleId()).isEqualTo("SCREENING");
            assertThat(reason.text()).isEqualTo("Screening expired on 2025-06-15: screen the patient again.");
        });
    }

    @Test
    void aConfiguredScreeningPeriodMovesTheExpiry() {
        ClinicRules thirtyDays = new ClinicRules(30, 12, true, true, new BigDecimal("136"), 180);

        assertThat(EligibilityRules.evaluate(screen(healthyAdult()), TODAY.minusDays(29), NORMAL_BP, List.of(), thirtyDays, TODAY).eligibleUntil())
                .isEqualTo(TODAY.plusDays(1));
        assertThat(EligibilityRules.evaluate(screen(healthyAdult()), TODAY.minusDays(30), NORMAL_BP, List.of(), thirtyDays, TODAY).eligible())
                .isFalse();
    }

    @Test
    void anExpiredScreeningBlocksOnlyWithTheExpiryNotItsOldReasons() {
        ScreeningResult old = screen(healthyAdultWith(q -> { q.glaucoma = true; q.hernia = true; }));
        Eligibility eligibility = EligibilityRules.evaluate(old, TODAY.minusDays(200), NORMAL_BP, List.of(), DEFAULTS, TODAY);

        assertThat(eligibility.blockingReasons()).extracting(Reason::ruleId).containsExactly("SCREENING");
    }

    @Test
    void aReasonNeedingClearanceBlocksWithoutAClearance() {
        Eligibility eligibility = evaluate(screen(healthyAdultWith(q -> q.hernia = true)), NORMAL_BP, List.of());

        assertThat(eligibility.eligible()).isFalse();
        assertThat(eligibility.effectiveOutcome()).isEqualTo(NEEDS_CLEARANCE);
        assertThat(eligibility.blockingReasons()).extracting(Reason::ruleId).containsExactly("S10");
        assertThat(eligibility.eligibleUntil()).isNull();
        assertThat(eligibility.bpCeiling()).isNull();
    }

    @Test
    void aClearanceCoversOnlyTheRulesItNames() {
        ScreeningResult screening = screen(healthyAdultWith(q -> { q.hypertension = true; q.hernia = true; }));
        Eligibility eligibility = evaluate(screening, NORMAL_BP, List.of(clearance(Set.of("S6"), null, TODAY.plusDays(100))));

        assertThat(eligibility.eligible()).isFalse();
        assertThat(eligibility.blockingReasons()).extracting(Reason::ruleId).containsExactly("S10");
    }

    @Test
    void aClearanceNamingEveryReasonMakesThePatientEligible() {
        ScreeningResult screening = screen(healthyAdultWith(q -> { q.hypertension = true; q.hernia = true; }));
        Eligibility eligibility = evaluate(screening, NORMAL_BP, List.of(clearance(Set.of("S6", "S10"), null, TODAY.plusDays(100))));

        assertThat(eligibility).isEqualTo(new Eligibility(true, CLEARED, List.of(), SCREENING_EXPIRES, null));
    }

    @Test
    void aClearanceNeverUnlocksAContraindication() {
        ScreeningResult screening = screen(healthyAdultWith(q -> { q.strokeOrTia = true; q.strokeOrTiaDate = TODAY.minusMonths(2); }));
        Eligibility eligibility = evaluate(screening, NORMAL_BP, List.of(clearance(Set.of("S5"), null, TODAY.plusDays(100))));

        assertThat(eligibility.eligible()).isFalse();
        assertThat(eligibility.effectiveOutcome()).isEqualTo(CONTRAINDICATED);
        assertThat(eligibility.blockingReasons()).extracting(Reason::ruleId).containsExactly("S5");
    }

    @Test
    void aContraindicationBlocksEvenWhenEveryOtherReasonIsCleared() {
        ScreeningResult screening = screen(healthyAdultWith(q -> { q.glaucoma = true; q.hypertension = true; }));
        Eligibility eligibility = evaluate(screening, NORMAL_BP, List.of(clearance(Set.of("S2", "S6"), null, TODAY.plusDays(100))));

        assertThat(eligibility.effectiveOutcome()).isEqualTo(CONTRAINDICATED);
        assertThat(eligibility.blockingReasons()).extracting(Reason::ruleId).containsExactly("S2");
    }

    @Test
    void theWorstBlockingReasonIsTheEffectiveOutcome() {
        ScreeningResult screening = screen(healthyAdultWith(q -> { q.glaucoma = true; q.hypertension = true; }));
        Eligibility eligibility = evaluate(screening, NORMAL_BP, List.of());

        assertThat(eligibility.effectiveOutcome()).isEqualTo(CONTRAINDICATED);
        assertThat(eligibility.blockingReasons()).extracting(Reason::ruleId).containsExactly("S2", "S6");
    }

    @Test
    void aClearanceCountsTheDayBeforeItExpires() {
        Clearance expiresTomorrow = clearance(Set.of("S10"), null, TODAY.plusDays(1));
        Eligibility eligibility = evaluate(screen(healthyAdultWith(q -> q.hernia = true)), NORMAL_BP, List.of(expiresTomorrow));

        assertThat(eligibility.eligible()).isTrue();
        assertThat(eligibility.eligibleUntil()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void aClearanceNoLongerCountsOnTheDayItExpires() {
        Clearance expiresToday = clearance(Set.of("S10"), null, TODAY);
        Eligibility eligibility = evaluate(screen(healthyAdultWith(q -> q.hernia = true)), NORMAL_BP, List.of(expiresToday));

        assertThat(eligibility.eligible()).isFalse();
        assertThat(eligibility.blockingReasons()).extracting(Reason::ruleId).containsExactly("S10");
    }

    @Test
    void aClearanceIssuedAfterTodayDoesNotCountYet() {
        Clearance issuedTomorrow = new Clearance(UUID.randomUUID(), "Dr Ada Lane", "GMC-7012345", TODAY.plusDays(1), Set.of("S10"),
                null, TODAY.plusDays(100));

        assertThat(evaluate(screen(healthyAdultWith(q -> q.hernia = true)), NORMAL_BP, List.of(issuedTomorrow)).eligible()).isFalse();
    }

    @Test
    void eligibilityLastsUntilTheEarliestExpiryOfTheClearancesUsed() {
        ScreeningResult screening = screen(healthyAdultWith(q -> { q.hypertension = true; q.hernia = true; }));
        List<Clearance> clearances = List.of(
                clearance(Set.of("S6"), null, TODAY.plusDays(60)),
                clearance(Set.of("S10"), null, TODAY.plusDays(20)));

        assertThat(evaluate(screening, NORMAL_BP, clearances).eligibleUntil()).isEqualTo(TODAY.plusDays(20));
    }

    @Test
    void eligibilityEndsWithTheScreeningWhenItExpiresBeforeTheClearances() {
        Clearance longClearance = clearance(Set.of("S10"), null, TODAY.plusDays(170));

        assertThat(evaluate(screen(healthyAdultWith(q -> q.hernia = true)), NORMAL_BP, List.of(longClearance)).eligibleUntil())
                .isEqualTo(SCREENING_EXPIRES);
    }

    @Test
    void ofTwoClearancesForTheSameRuleTheLongerLastingOneIsUsed() {
        List<Clearance> clearances = List.of(
                clearance(Set.of("S10"), null, TODAY.plusDays(10)),
                clearance(Set.of("S10"), null, TODAY.plusDays(40)));

        assertThat(evaluate(screen(healthyAdultWith(q -> q.hernia = true)), NORMAL_BP, clearances).eligibleUntil())
                .isEqualTo(TODAY.plusDays(40));
    }

    @Test
    void aClearanceThatIsNotNeededDoesNotShortenEligibility() {
        Clearance unused = clearance(Set.of("S10"), new BloodPressure(140, 90), TODAY.plusDays(5));
        Eligibility eligibility = evaluate(screen(healthyAdult()), NORMAL_BP, List.of(unused));

        assertThat(eligibility.eligibleUntil()).isEqualTo(SCREENING_EXPIRES);
        assertThat(eligibility.bpCeiling()).isNull();
    }

    @Test
    void aBloodPressureAtTheCeilingIsAllowed() {
        BloodPressure counted = new BloodPressure(150, 95);
        Clearance clearance = clearance(Set.of("S7"), new BloodPressure(150, 95), TODAY.plusDays(100));
        Eligibility eligibility = evaluate(screen(healthyAdultWith(q -> q.bloodPressure = reading(150, 95))), counted, List.of(clearance));

        assertThat(eligibility.eligible()).isTrue();
        assertThat(eligibility.bpCeiling()).isEqualTo(new BloodPressure(150, 95));
    }

    @Test
    void aSystolicOneAboveTheCeilingIsRefused() {
        BloodPressure counted = new BloodPressure(151, 95);
        Clearance clearance = clearance(Set.of("S7"), new BloodPressure(150, 95), TODAY.plusDays(100));
        Eligibility eligibility = evaluate(screen(healthyAdultWith(q -> q.bloodPressure = reading(151, 95))), counted, List.of(clearance));

        assertThat(eligibility.eligible()).isFalse();
        assertThat(eligibility.blockingReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.ruleId()).isEqualTo("S7");
            assertThat(reason.outcome()).isEqualTo(NEEDS_CLEARANCE);
            assertThat(reason.text()).contains("151/95 is above the ceiling 150/95").contains("Dr Ada Lane");
        });
    }

    @Test
    void aDiastolicOneAboveTheCeilingIsRefused() {
        BloodPressure counted = new BloodPressure(150, 96);
        Clearance clearance = clearance(Set.of("S7"), new BloodPressure(150, 95), TODAY.plusDays(100));
        Eligibility eligibility = evaluate(screen(healthyAdultWith(q -> q.bloodPressure = reading(150, 96))), counted, List.of(clearance));

        assertThat(eligibility.eligible()).isFalse();
        assertThat(eligibility.blockingReasons()).extracting(Reason::text).allMatch(text -> text.contains("above the ceiling"));
    }

    @Test
    void theCeilingOfAClearanceForAnotherReasonStillHolds() {
        BloodPressure counted = new BloodPressure(128, 79);
        Clearance hypertension = clearance(Set.of("S6"), new BloodPressure(125, 80), TODAY.plusDays(100));
        Eligibility eligibility = evaluate(screen(healthyAdultWith(q -> { q.hypertension = true; q.bloodPressure = reading(128, 79); })),
                counted, List.of(hypertension));

        assertThat(eligibility.eligible()).isFalse();
        assertThat(eligibility.blockingReasons()).singleElement()
                .satisfies(reason -> assertThat(reason.text()).contains("128/79 is above the ceiling 125/80"));
    }

    @Test
    void aBloodPressureClearanceWithoutCeilingAllowsAnyStageTwoReading() {
        Clearance clearance = clearance(Set.of("S7"), null, TODAY.plusDays(100));
        Eligibility eligibility = evaluate(screen(healthyAdultWith(q -> q.bloodPressure = reading(175, 110))),
                new BloodPressure(175, 110), List.of(clearance));

        assertThat(eligibility.eligible()).isTrue();
        assertThat(eligibility.bpCeiling()).isNull();
    }

    @Test
    void aClearanceWhoseCeilingTheReadingExceedsGivesWayToOneThatAllowsIt() {
        List<Clearance> clearances = List.of(
                clearance(Set.of("S7"), new BloodPressure(140, 90), TODAY.plusDays(100)),
                clearance(Set.of("S7"), new BloodPressure(160, 100), TODAY.plusDays(50)));
        Eligibility eligibility = evaluate(screen(healthyAdultWith(q -> q.bloodPressure = reading(150, 95))),
                new BloodPressure(150, 95), clearances);

        assertThat(eligibility.eligible()).isTrue();
        assertThat(eligibility.eligibleUntil()).isEqualTo(TODAY.plusDays(50));
        assertThat(eligibility.bpCeiling()).isEqualTo(new BloodPressure(160, 100));
    }

    @Test
    void theLowestCeilingOfTheClearancesUsedIsReported() {
        ScreeningResult screening = screen(healthyAdultWith(q -> { q.hypertension = true; q.bloodPressure = reading(142, 88); }));
        List<Clearance> clearances = List.of(
                clearance(Set.of("S6"), new BloodPressure(145, 92), TODAY.plusDays(100)),
                clearance(Set.of("S7"), new BloodPressure(160, 100), TODAY.plusDays(100)));

        assertThat(evaluate(screening, new BloodPressure(142, 88), clearances).bpCeiling()).isEqualTo(new BloodPressure(145, 92));
    }

    @Test
    void aCrisisIsNeverUnlockedByABloodPressureClearance() {
        Clearance clearance = clearance(Set.of("S7"), null, TODAY.plusDays(100));
        Eligibility eligibility = evaluate(screen(healthyAdultWith(q -> q.bloodPressure = reading(185, 100))),
                new BloodPressure(185, 100), List.of(clearance));

        assertThat(eligibility.eligible()).isFalse();
        assertThat(eligibility.effectiveOutcome()).isEqualTo(CONTRAINDICATED);
    }

    @Test
    void warningsNeverBlock() {
        ClinicRules warnOnly = new ClinicRules(90, 12, false, false, new BigDecimal("136"), 180);
        ScreeningResult screening = ScreeningRules.evaluate(
                healthyAdultWith(q -> { q.reflux = true; q.bloodPressure = reading(134, 84); }), warnOnly, TODAY);
        Eligibility eligibility = EligibilityRules.evaluate(screening, COMPLETED, new BloodPressure(134, 84), List.of(), warnOnly, TODAY);

        assertThat(screening.reasons()).hasSize(2).allMatch(Reason::warning);
        assertThat(eligibility).isEqualTo(new Eligibility(true, CLEARED, List.of(), SCREENING_EXPIRES, null));
    }

    private static ScreeningResult screen(ScreeningAnswers answers) {
        return ScreeningRules.evaluate(answers, DEFAULTS, TODAY);
    }

    private static Eligibility evaluate(ScreeningResult screening, BloodPressure countedBp, List<Clearance> clearances) {
        return EligibilityRules.evaluate(screening, COMPLETED, countedBp, clearances, DEFAULTS, TODAY);
    }

    private static Clearance clearance(Set<String> scope, BloodPressure ceiling, LocalDate expiresOn) {
        return new Clearance(UUID.randomUUID(), "Dr Ada Lane", "GMC-7012345", TODAY.minusDays(5), scope, ceiling, expiresOn);
    }
}
