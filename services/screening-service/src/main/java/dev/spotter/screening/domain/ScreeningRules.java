package dev.spotter.screening.domain;

import dev.spotter.clinical.BloodPressure;
import dev.spotter.clinical.BpCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Judges a questionnaire's answers by the screening rules S1-S14 of the clinical rules, section 1. */
public final class ScreeningRules {

    private static final Reason PREGNANCY = Reason.contraindicated("S1",
            "Pregnant or possibly pregnant: inversion is not safe in pregnancy (S1).", "77386006");
    private static final Reason GLAUCOMA = Reason.contraindicated("S2",
            "Glaucoma or ocular hypertension: inversion raises eye pressure (S2).", "23986001");
    private static final Reason RETINAL_DISEASE = Reason.contraindicated("S3",
            "Retinal disease: inversion raises eye pressure, which can harm the retina (S3).", "42059000");
    private static final Reason HYPERTENSION = Reason.needsClearance("S6",
            "Hypertension or blood-pressure medicine: inversion raises blood pressure; a physician must clear the patient (S6).",
            "38341003");
    private static final Reason HERNIA = Reason.needsClearance("S10",
            "Hernia: inversion pushes the abdomen towards the chest; a physician must clear the patient (S10).",
            "84089009", "52515009");
    private static final Reason INFECTION = Reason.contraindicated("S12",
            "Current conjunctivitis or middle-ear infection: no inversion until resolved (S12).");
    private static final Reason NEUROLOGICAL_RED_FLAGS = Reason.urgent("S14",
            "New bladder or bowel problem, or worsening leg weakness or numbness: no inversion; refer the patient today (S14).");

    private ScreeningRules() {
    }

    /** Every reason in question order; the worst decides. Validate the answers with {@link AnswerValidation} first. */
    public static ScreeningResult evaluate(ScreeningAnswers answers, ClinicRules rules, LocalDate today) {
        BloodPressure counted = Objects.requireNonNull(answers.bloodPressure(), "S7 blood pressure is required").counted();
        List<Reason> reasons = Stream.of(
                        when(answers.pregnant(), PREGNANCY), when(answers.glaucoma(), GLAUCOMA),
                        when(answers.retinalDisease(), RETINAL_DISEASE), heart(answers), stroke(answers, rules, today),
                        when(answers.hypertension(), HYPERTENSION), BpRule.judge(counted, rules), bloodThinners(answers),
                        SpineRule.judge(answers), when(answers.hernia(), HERNIA), reflux(answers, rules),
                        when(answers.earOrEyeInfection(), INFECTION), weight(answers, rules),
                        when(answers.neurologicalRedFlags(), NEUROLOGICAL_RED_FLAGS))
                .flatMap(Optional::stream)
                .toList();
        return ScreeningResult.of(reasons, BpCategory.of(counted));
    }

    private static Optional<Reason> when(boolean answeredYes, Reason reason) {
        return answeredYes ? Optional.of(reason) : Optional.empty();
    }

    private static Optional<Reason> heart(ScreeningAnswers answers) {
        if (!answers.heartDisease()) {
            return Optional.empty();
        }
        String since = answers.heartDiseaseDate() == null ? "" : " (since " + answers.heartDiseaseDate() + ")";
        return Optional.of(Reason.contraindicated("S4", "Heart or circulatory disease" + since
                + ": inversion raises blood pressure and strains the heart (S4).", "56265001"));
    }

    private static Optional<Reason> stroke(ScreeningAnswers answers, ClinicRules rules, LocalDate today) {
        if (!answers.strokeOrTia()) {
            return Optional.empty();
        }
        LocalDate date = answers.strokeOrTiaDate();
        int months = rules.strokeWindowMonths();
        // An unknown date counts as recent: the safe side.
        if (date == null || !date.isBefore(today.minusMonths(months))) {
            return Optional.of(Reason.contraindicated("S5", "Stroke or TIA" + (date == null ? " (date unknown)" : on(date))
                    + ", within the last " + months + " months: no inversion (S5).", "230690007"));
        }
        return Optional.of(Reason.needsClearance("S5", "Stroke or TIA" + on(date)
                + ", more than " + months + " months ago: a physician must clear the patient (S5).", "230690007"));
    }

    private static String on(LocalDate date) {
        return date == null ? "" : " on " + date;
    }

    private static Optional<Reason> bloodThinners(ScreeningAnswers answers) {
        if (!answers.bloodThinners()) {
            return Optional.empty();
        }
        String names = answers.bloodThinnerNames().isEmpty() ? "" : " (" + String.join(", ", answers.bloodThinnerNames()) + ")";
        return Optional.of(Reason.needsClearance("S8", "Blood thinners" + names
                + ": a fall or a burst vessel bleeds more; a physician must clear the patient (S8).", "182764009"));
    }

    private static Optional<Reason> reflux(ScreeningAnswers answers, ClinicRules rules) {
        if (!answers.reflux()) {
            return Optional.empty();
        }
        return Optional.of(rules.refluxNeedsClearance()
                ? Reason.needsClearance("S11", "Acid reflux (GERD): a physician must clear the patient (S11).", "235595009")
                : Reason.warning("S11", "Acid reflux (GERD): cleared, but stop if reflux comes on while inverted (S11).", "235595009"));
    }

    private static Optional<Reason> weight(ScreeningAnswers answers, ClinicRules rules) {
        BigDecimal weight = Objects.requireNonNull(answers.weightKg(), "S13 body weight is required");
        if (weight.compareTo(rules.tableRatedLoadKg()) <= 0) {
            return Optional.empty();
        }
        return Optional.of(Reason.contraindicated("S13", "Weight " + weight.toPlainString()
                + " kg is above the table's rated load of " + rules.tableRatedLoadKg().toPlainString() + " kg (S13)."));
    }

    /** S7: the counted reading's category decides. */
    static final class BpRule {

        private BpRule() {
        }

        static Optional<Reason> judge(BloodPressure counted, ClinicRules rules) {
            String reading = "Blood pressure " + counted.asText();
            return switch (BpCategory.of(counted)) {
                case NORMAL -> Optional.empty();
                case STAGE_1 -> Optional.of(rules.stage1NeedsClearance()
                        ? Reason.needsClearance("S7", reading + " is stage 1 (130-139/80-89): a physician must clear the patient (S7).")
                        : Reason.warning("S7", reading + " is stage 1 (130-139/80-89): cleared, watch it before every session (S7)."));
                case STAGE_2 -> Optional.of(Reason.needsClearance("S7",
                        reading + " is stage 2 (140-179/90-119): a physician must clear the patient (S7)."));
                case CRISIS -> Optional.of(Reason.urgent("S7",
                        reading + " is a hypertensive crisis (180/120 or above): no inversion today (S7)."));
            };
        }
    }

    /** S9: a fragile spine is contraindicated; any other bone finding needs a physician's word. */
    static final class SpineRule {

        private SpineRule() {
        }

        static Optional<Reason> judge(ScreeningAnswers answers) {
            Osteoporosis osteoporosis = Objects.requireNonNull(answers.osteoporosis(), "S9 osteoporosis is required");
            if (osteoporosis == Osteoporosis.SEVERE || answers.vertebralFracture()) {
                return Optional.of(Reason.contraindicated("S9",
                        findings(answers) + ": inversion loads a fragile spine (S9).", codes(answers)));
            }
            if (osteoporosis == Osteoporosis.MILD || answers.recentFracture() || answers.spinalImplants()) {
                return Optional.of(Reason.needsClearance("S9",
                        findings(answers) + ": a physician must clear the patient (S9).", codes(answers)));
            }
            return Optional.empty();
        }

        private static String findings(ScreeningAnswers answers) {
            String text = Stream.of(
                            answers.osteoporosis() == Osteoporosis.NONE ? null
                                    : answers.osteoporosis().name().toLowerCase(Locale.ROOT) + " osteoporosis",
                            answers.vertebralFracture() ? "vertebral fracture" : null,
                            answers.recentFracture() ? "recent fracture" + on(answers.fractureDate()) : null,
                            answers.spinalImplants() ? "spinal implants" : null)
                    .filter(Objects::nonNull)
                    .collect(Collectors.joining(", "));
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }

        private static String[] codes(ScreeningAnswers answers) {
            return Stream.of(
                            answers.osteoporosis() != Osteoporosis.NONE ? "64859006" : null,
                            answers.vertebralFracture() ? "42942008" : null)
                    .filter(Objects::nonNull)
                    .toArray(String[]::new);
        }
    }
}
