package dev.spotter.screening.domain;

import dev.spotter.clinical.BloodPressure;
import dev.spotter.clinical.BpCategory;
import static dev.spotter.screening.domain.Outcome.CLEARED;
import static dev.spotter.screening.domain.Outcome.CONTRAINDICATED;
import static dev.spotter.screening.domain.Outcome.NEEDS_CLEARANCE;
import static dev.spotter.screening.domain.FilledQuestionnaire.FIRST_TAKEN_AT;
import static dev.spotter.screening.domain.FilledQuestionnaire.TODAY;
import static dev.spotter.screening.domain.FilledQuestionnaire.healthyAdult;
import static dev.spotter.screening.domain.FilledQuestionnaire.healthyAdultWith;
import static dev.spotter.screening.domain.FilledQuestionnaire.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ScreeningRulesTest {

    private static final ClinicRules DEFAULTS = ClinicRules.defaults();

    @Test
    void aHealthyAdultIsClearedWithoutReasons() {
        ScreeningResult result = ScreeningRules.evaluate(healthyAdult(), DEFAULTS, TODAY);

        assertThat(result.outcome()).isEqualTo(CLEARED);
        assertThat(result.reasons()).isEmpty();
        assertThat(result.bpCategory()).isEqualTo(BpCategory.NORMAL);
        assertThat(result.urgent()).isFalse();
    }

    static Stream<Arguments> yesAnswers() {
        return Stream.of(
                arguments("S1", healthyAdultWith(q -> q.pregnant = true), CONTRAINDICATED, List.of("77386006")),
                arguments("S2", healthyAdultWith(q -> q.glaucoma = true), CONTRAINDICATED, List.of("23986001")),
                arguments("S3", healthyAdultWith(q -> q.retinalDisease = true), CONTRAINDICATED, List.of("42059000")),
                arguments("S4", healthyAdultWith(q -> q.heartDisease = true), CONTRAINDICATED, List.of("56265001")),
                arguments("S5", healthyAdultWith(q -> { q.strokeOrTia = true; q.strokeOrTiaDate = TODAY.minusMonths(3); }),
                        CONTRAINDICATED, List.of("230690007")),
                arguments("S6", healthyAdultWith(q -> q.hypertension = true), NEEDS_CLEARANCE, List.of("38341003")),
                arguments("S7", healthyAdultWith(q -> q.bloodPressure = reading(150, 95)), NEEDS_CLEARANCE, List.of()),
                arguments("S8", healthyAdultWith(q -> { q.bloodThinners = true; q.bloodThinnerNames = List.of("warfarin"); }),
                        NEEDS_CLEARANCE, List.of("182764009")),
                arguments("S9", healthyAdultWith(q -> q.osteoporosis = Osteoporosis.SEVERE), CONTRAINDICATED, List.of("64859006")),
                arguments("S10", healthyAdultWith(q -> q.hernia = true), NEEDS_CLEARANCE, List.of("84089009", "52515009")),
                arguments("S11", healthyAdultWith(q -> q.reflux = true), NEEDS_CLEARANCE, List.of("235595009")),
                arguments("S12", healthyAdultWith(q -> q.earOrEyeInfection = true), CONTRAINDICATED, List.of()),
                arguments("S13", healthyAdultWith(q -> q.weightKg = new BigDecimal("150")), CONTRAINDICATED, List.of()),
                arguments("S14", healthyAdultWith(q -> q.neurologicalRedFlags = true), CONTRAINDICATED, List.of()));
    }

    @ParameterizedTest(name = "{0} answered yes")
    @MethodSource("yesAnswers")
    void aYesGivesTheRulesOutcomeWithItsIdAndCodes(String ruleId, ScreeningAnswers answers, Outcome outcome, List<String> codes) {
        ScreeningResult result = ScreeningRules.evaluate(answers, DEFAULTS, TODAY);

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.ruleId()).isEqualTo(ruleId);
            assertThat(reason.outcome()).isEqualTo(outcome);
            assertThat(reason.snomedCodes()).containsExactlyElementsOf(codes);
            assertThat(reason.text()).endsWith("(" + ruleId + ").");
            assertThat(reason.warning()).isFalse();
        });
    }

    @Test
    void glaucomaIsExplainedInPlainWords() {
        Reason reason = onlyReason(healthyAdultWith(q -> q.glaucoma = true));

        assertThat(reason.text()).isEqualTo("Glaucoma or ocular hypertension: inversion raises eye pressure (S2).");
    }

    @Test
    void heartDiseaseWithoutADateIsStillContraindicated() {
        Reason reason = onlyReason(healthyAdultWith(q -> q.heartDisease = true));

        assertThat(reason.outcome()).isEqualTo(CONTRAINDICATED);
        assertThat(reason.text()).startsWith("Heart or circulatory disease:");
    }

    @Test
    void heartDiseaseShowsItsDateForStaff() {
        Reason reason = onlyReason(healthyAdultWith(q -> { q.heartDisease = true; q.heartDiseaseDate = TODAY.minusYears(5); }));

        assertThat(reason.outcome()).isEqualTo(CONTRAINDICATED);
        assertThat(reason.text()).contains("since 2020-06-15");
    }

    @Test
    void anInfectionIsContraindicatedUntilResolved() {
        assertThat(onlyReason(healthyAdultWith(q -> q.earOrEyeInfection = true)).text()).contains("until resolved");
    }

    @Test
    void neurologicalRedFlagsAreUrgent() {
        ScreeningResult result = ScreeningRules.evaluate(healthyAdultWith(q -> q.neurologicalRedFlags = true), DEFAULTS, TODAY);

        assertThat(result.urgent()).isTrue();
        assertThat(result.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.urgent()).isTrue();
            assertThat(reason.text()).contains("refer the patient today");
        });
    }

    @Test
    void aContraindicationOtherThanS14OrACrisisIsNotUrgent() {
        ScreeningResult result = ScreeningRules.evaluate(healthyAdultWith(q -> q.glaucoma = true), DEFAULTS, TODAY);

        assertThat(result.urgent()).isFalse();
    }

    @Test
    void bloodThinnersAreNamedInTheReason() {
        Reason reason = onlyReason(healthyAdultWith(q -> { q.bloodThinners = true; q.bloodThinnerNames = List.of("warfarin", "aspirin"); }));

        assertThat(reason.text()).contains("warfarin, aspirin");
    }

    @Test
    void aStrokeExactlyAtTheWindowCountsAsWithin() {
        Reason reason = onlyReason(stroke(TODAY.minusMonths(12)));

        assertThat(reason.outcome()).isEqualTo(CONTRAINDICATED);
        assertThat(reason.text()).contains("within the last 12 months");
    }

    @Test
    void aStrokeOneDayBeforeTheWindowNeedsClearance() {
        Reason reason = onlyReason(stroke(TODAY.minusMonths(12).minusDays(1)));

        assertThat(reason.outcome()).isEqualTo(NEEDS_CLEARANCE);
        assertThat(reason.snomedCodes()).containsExactly("230690007");
        assertThat(reason.text()).contains("more than 12 months ago");
    }

    @Test
    void aStrokeTodayIsContraindicated() {
        assertThat(onlyReason(stroke(TODAY)).outcome()).isEqualTo(CONTRAINDICATED);
    }

    @Test
    void aConfiguredStrokeWindowMovesTheBoundary() {
        ClinicRules sixMonths = new ClinicRules(90, 6, true, true, new BigDecimal("136"), 180);

        assertThat(onlyReason(stroke(TODAY.minusMonths(6)), sixMonths).outcome()).isEqualTo(CONTRAINDICATED);
        assertThat(onlyReason(stroke(TODAY.minusMonths(6).minusDays(1)), sixMonths).outcome()).isEqualTo(NEEDS_CLEARANCE);
        assertThat(onlyReason(stroke(TODAY.minusMonths(9)), DEFAULTS).outcome()).isEqualTo(CONTRAINDICATED);
    }

    @Test
    void aStrokeOfUnknownDateCountsAsRecent() {
        assertThat(onlyReason(stroke(null)).outcome()).isEqualTo(CONTRAINDICATED);
    }

    @ParameterizedTest(name = "{0}, vertebral fracture {1}, recent fracture {2}, implants {3}: {4}")
    @CsvSource({
            "SEVERE, false, false, false, CONTRAINDICATED",
            "NONE,   true,  false, false, CONTRAINDICATED",
            "MILD,   true,  false, false, CONTRAINDICATED",
            "SEVERE, false, true,  true,  CONTRAINDICATED",
            "MILD,   false, false, false, NEEDS_CLEARANCE",
            "NONE,   false, true,  false, NEEDS_CLEARANCE",
            "NONE,   false, false, true,  NEEDS_CLEARANCE",
            "MILD,   false, true,  true,  NEEDS_CLEARANCE"})
    void theSpineRuleTakesItsWorstBranch(Osteoporosis osteoporosis, boolean vertebral, boolean recent, boolean implants, Outcome expected) {
        ScreeningAnswers answers = healthyAdultWith(q -> {
            q.osteoporosis = osteoporosis;
            q.vertebralFracture = vertebral;
            q.recentFracture = recent;
            q.fractureDate = recent ? TODAY.minusWeeks(6) : null;
            q.spinalImplants = implants;
        });

        assertThat(onlyReason(answers)).satisfies(reason -> {
            assertThat(reason.ruleId()).isEqualTo("S9");
            assertThat(reason.outcome()).isEqualTo(expected);
        });
    }

    @Test
    void noOsteoporosisFractureOrImplantsGivesNoSpineReason() {
        assertThat(ScreeningRules.evaluate(healthyAdult(), DEFAULTS, TODAY).reasons()).noneMatch(reason -> reason.ruleId().equals("S9"));
    }

    @Test
    void aVertebralFractureCarriesItsCode() {
        Reason reason = onlyReason(healthyAdultWith(q -> q.vertebralFracture = true));

        assertThat(reason.snomedCodes()).containsExactly("42942008");
        assertThat(reason.text()).isEqualTo("Vertebral fracture: inversion loads a fragile spine (S9).");
    }

    @Test
    void severeOsteoporosisWithAVertebralFractureCarriesBothCodes() {
        Reason reason = onlyReason(healthyAdultWith(q -> { q.osteoporosis = Osteoporosis.SEVERE; q.vertebralFracture = true; }));

        assertThat(reason.snomedCodes()).containsExactly("64859006", "42942008");
        assertThat(reason.text()).startsWith("Severe osteoporosis, vertebral fracture:");
    }

    @Test
    void everySpineFindingIsNamedForStaff() {
        Reason reason = onlyReason(healthyAdultWith(q -> {
            q.osteoporosis = Osteoporosis.MILD;
            q.recentFracture = true;
            q.fractureDate = TODAY.minusWeeks(6);
            q.spinalImplants = true;
        }));

        assertThat(reason.text()).isEqualTo("Mild osteoporosis, recent fracture on 2025-05-04, spinal implants: a physician must clear the patient (S9).");
        assertThat(reason.snomedCodes()).containsExactly("64859006");
    }

    @Test
    void refluxNeedsClearanceByDefault() {
        Reason reason = onlyReason(healthyAdultWith(q -> q.reflux = true));

        assertThat(reason.outcome()).isEqualTo(NEEDS_CLEARANCE);
        assertThat(reason.warning()).isFalse();
    }

    @Test
    void refluxIsClearedWithAWarningWhenTheClinicSaysSo() {
        ClinicRules refluxWarnsOnly = new ClinicRules(90, 12, true, false, new BigDecimal("136"), 180);
        ScreeningResult result = ScreeningRules.evaluate(healthyAdultWith(q -> q.reflux = true), refluxWarnsOnly, TODAY);

        assertThat(result.outcome()).isEqualTo(CLEARED);
        assertThat(result.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.ruleId()).isEqualTo("S11");
            assertThat(reason.outcome()).isEqualTo(CLEARED);
            assertThat(reason.warning()).isTrue();
            assertThat(reason.snomedCodes()).containsExactly("235595009");
        });
    }

    @ParameterizedTest(name = "{0} kg on a 136 kg table: {1}")
    @CsvSource({"135.9, CLEARED", "136, CLEARED", "136.0, CLEARED", "136.1, CONTRAINDICATED", "137, CONTRAINDICATED"})
    void weightIsRefusedOnlyAboveTheTablesRatedLoad(BigDecimal weightKg, Outcome expected) {
        ScreeningResult result = ScreeningRules.evaluate(healthyAdultWith(q -> q.weightKg = weightKg), DEFAULTS, TODAY);

        assertThat(result.outcome()).isEqualTo(expected);
    }

    @Test
    void aConfiguredRatedLoadMovesTheWeightLimit() {
        ClinicRules lightTable = new ClinicRules(90, 12, true, true, new BigDecimal("113"), 180);

        assertThat(ScreeningRules.evaluate(healthyAdultWith(q -> q.weightKg = new BigDecimal("113")), lightTable, TODAY).outcome())
                .isEqualTo(CLEARED);
        Reason reason = onlyReason(healthyAdultWith(q -> q.weightKg = new BigDecimal("114")), lightTable);
        assertThat(reason.outcome()).isEqualTo(CONTRAINDICATED);
        assertThat(reason.text()).isEqualTo("Weight 114 kg is above the table's rated load of 113 kg (S13).");
    }

    @ParameterizedTest(name = "{0}/{1}: {2}")
    @CsvSource({
            "129, 79, CLEARED",
            "130, 79, NEEDS_CLEARANCE", "129, 80, NEEDS_CLEARANCE", "139, 89, NEEDS_CLEARANCE",
            "140, 89, NEEDS_CLEARANCE", "139, 90, NEEDS_CLEARANCE", "179, 119, NEEDS_CLEARANCE",
            "180, 119, CONTRAINDICATED", "179, 120, CONTRAINDICATED"})
    void everyBloodPressureBoundaryGivesTheRulesOutcome(int systolic, int diastolic, Outcome expected) {
        ScreeningAnswers answers = healthyAdultWith(q -> q.bloodPressure = reading(systolic, diastolic));
        ScreeningResult result = ScreeningRules.evaluate(answers, DEFAULTS, TODAY);

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.reasons()).allSatisfy(reason -> assertThat(reason.ruleId()).isEqualTo("S7"));
        assertThat(result.urgent()).isEqualTo(expected == CONTRAINDICATED);
    }

    @Test
    void aNormalPressureGivesNoReason() {
        assertThat(ScreeningRules.evaluate(healthyAdultWith(q -> q.bloodPressure = reading(129, 79)), DEFAULTS, TODAY).reasons()).isEmpty();
    }

    @Test
    void aCrisisIsContraindicatedTodayAndUrgent() {
        ScreeningResult result = ScreeningRules.evaluate(healthyAdultWith(q -> q.bloodPressure = reading(182, 95)), DEFAULTS, TODAY);

        assertThat(result.bpCategory()).isEqualTo(BpCategory.CRISIS);
        assertThat(result.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.outcome()).isEqualTo(CONTRAINDICATED);
            assertThat(reason.urgent()).isTrue();
            assertThat(reason.text()).contains("182/95").contains("no inversion today");
        });
    }

    @Test
    void stageOneNeedsClearanceByDefault() {
        Reason reason = onlyReason(healthyAdultWith(q -> q.bloodPressure = reading(134, 82)));

        assertThat(reason.outcome()).isEqualTo(NEEDS_CLEARANCE);
        assertThat(reason.warning()).isFalse();
        assertThat(reason.text()).contains("134/82").contains("stage 1");
    }

    @Test
    void stageOneIsClearedWithAWarningWhenTheClinicSaysSo() {
        ClinicRules stageOneWarnsOnly = new ClinicRules(90, 12, false, true, new BigDecimal("136"), 180);
        ScreeningResult result = ScreeningRules.evaluate(healthyAdultWith(q -> q.bloodPressure = reading(134, 82)), stageOneWarnsOnly, TODAY);

        assertThat(result.outcome()).isEqualTo(CLEARED);
        assertThat(result.bpCategory()).isEqualTo(BpCategory.STAGE_1);
        assertThat(result.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.ruleId()).isEqualTo("S7");
            assertThat(reason.outcome()).isEqualTo(CLEARED);
            assertThat(reason.warning()).isTrue();
        });
    }

    @Test
    void stageTwoNeedsClearanceWhateverTheStageOneSetting() {
        ClinicRules stageOneWarnsOnly = new ClinicRules(90, 12, false, true, new BigDecimal("136"), 180);

        assertThat(onlyReason(healthyAdultWith(q -> q.bloodPressure = reading(150, 85)), stageOneWarnsOnly).outcome())
                .isEqualTo(NEEDS_CLEARANCE);
    }

    @Test
    void aRecheckThatLowersTheCategoryCounts() {
        BpReading reading = reading(182, 100).withRecheck(new BloodPressure(128, 78), FIRST_TAKEN_AT.plusSeconds(6 * 60));
        ScreeningResult result = ScreeningRules.evaluate(healthyAdultWith(q -> q.bloodPressure = reading), DEFAULTS, TODAY);

        assertThat(result.bpCategory()).isEqualTo(BpCategory.NORMAL);
        assertThat(result.outcome()).isEqualTo(CLEARED);
        assertThat(result.urgent()).isFalse();
    }

    @Test
    void aRecheckThatRaisesTheCategoryCounts() {
        BpReading reading = reading(135, 82).withRecheck(new BloodPressure(145, 92), FIRST_TAKEN_AT.plusSeconds(6 * 60));
        ScreeningResult result = ScreeningRules.evaluate(healthyAdultWith(q -> q.bloodPressure = reading), DEFAULTS, TODAY);

        assertThat(result.bpCategory()).isEqualTo(BpCategory.STAGE_2);
        assertThat(result.reasons()).singleElement().satisfies(reason -> assertThat(reason.text()).contains("145/92").contains("stage 2"));
    }

    @Test
    void theWorstReasonWinsAndEveryReasonIsListedInQuestionOrder() {
        ScreeningAnswers answers = healthyAdultWith(q -> {
            q.hypertension = true;
            q.reflux = true;
            q.glaucoma = true;
            q.bloodPressure = reading(150, 92);
        });
        ScreeningResult result = ScreeningRules.evaluate(answers, DEFAULTS, TODAY);

        assertThat(result.outcome()).isEqualTo(CONTRAINDICATED);
        assertThat(result.reasons()).extracting(Reason::ruleId).containsExactly("S2", "S6", "S7", "S11");
        assertThat(result.reasons()).extracting(Reason::outcome)
                .containsExactly(CONTRAINDICATED, NEEDS_CLEARANCE, NEEDS_CLEARANCE, NEEDS_CLEARANCE);
    }

    @Test
    void needsClearanceWinsOverAWarning() {
        ClinicRules refluxWarnsOnly = new ClinicRules(90, 12, true, false, new BigDecimal("136"), 180);
        ScreeningResult result = ScreeningRules.evaluate(healthyAdultWith(q -> { q.reflux = true; q.hernia = true; }), refluxWarnsOnly, TODAY);

        assertThat(result.outcome()).isEqualTo(NEEDS_CLEARANCE);
        assertThat(result.reasons()).extracting(Reason::ruleId).containsExactly("S10", "S11");
    }

    @Test
    void everyRuleAnsweredYesAtOnceListsAllFourteen() {
        ScreeningAnswers answers = healthyAdultWith(q -> {
            q.pregnant = q.glaucoma = q.retinalDisease = q.heartDisease = q.hypertension = q.hernia = true;
            q.reflux = q.earOrEyeInfection = q.neurologicalRedFlags = q.spinalImplants = true;
            q.strokeOrTia = true;
            q.strokeOrTiaDate = TODAY.minusYears(3);
            q.bloodPressure = reading(190, 100);
            q.bloodThinners = true;
            q.bloodThinnerNames = List.of("apixaban");
            q.weightKg = new BigDecimal("140");
        });
        ScreeningResult result = ScreeningRules.evaluate(answers, DEFAULTS, TODAY);

        assertThat(result.outcome()).isEqualTo(CONTRAINDICATED);
        assertThat(result.urgent()).isTrue();
        assertThat(result.reasons()).extracting(Reason::ruleId)
                .containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12", "S13", "S14");
    }

    @Test
    void theWorstOutcomeIsTheMoreSevere() {
        assertThat(CLEARED.worst(NEEDS_CLEARANCE)).isEqualTo(NEEDS_CLEARANCE);
        assertThat(NEEDS_CLEARANCE.worst(CLEARED)).isEqualTo(NEEDS_CLEARANCE);
        assertThat(CONTRAINDICATED.worst(NEEDS_CLEARANCE)).isEqualTo(CONTRAINDICATED);
        assertThat(CLEARED.worst(CLEARED)).isEqualTo(CLEARED);
    }

    @Test
    void aResultMustCarryTheWorstOfItsReasons() {
        List<Reason> reasons = List.of(Reason.contraindicated("S2", "Glaucoma (S2).", "23986001"));

        assertThatThrownBy(() -> new ScreeningResult(CLEARED, reasons, BpCategory.NORMAL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answersWithoutBloodPressureOrWeightAreRefused() {
        assertThatThrownBy(() -> ScreeningRules.evaluate(healthyAdultWith(q -> q.bloodPressure = null), DEFAULTS, TODAY))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ScreeningRules.evaluate(healthyAdultWith(q -> q.weightKg = null), DEFAULTS, TODAY))
                .isInstanceOf(NullPointerException.class);
    }

    private static ScreeningAnswers stroke(LocalDate date) {
        return healthyAdultWith(q -> { q.strokeOrTia = true; q.strokeOrTiaDate = date; });
    }

    private static Reason onlyReason(ScreeningAnswers answers) {
        return onlyReason(answers, DEFAULTS);
    }

    private static Reason onlyReason(ScreeningAnswers answers, ClinicRules rules) {
        List<Reason> reasons = ScreeningRules.evaluate(answers, rules, TODAY).reasons();
        assertThat(reasons).hasSize(1);
        return reasons.get(0);
    }
}
