package dev.spotter.screening.domain;

import dev.spotter.clinical.BloodPressure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Decides whether a patient may start a session today: a current screening, and a clearance for each reason that needs one. */
public final class EligibilityRules {

    private static final String BP_RULE = "S7";

    private EligibilityRules() {
    }

    /**
     * {@code screeningCompletedOn + rules.screeningValidDays()} is the first day the screening no longer
     * counts. {@code countedBp} is the reading judged against a clearance's BP ceiling.
     */
    public static Eligibility evaluate(ScreeningResult screening, LocalDate screeningCompletedOn, BloodPressure countedBp,
                                       List<Clearance> clearances, ClinicRules rules, LocalDate today) {
        Objects.requireNonNull(countedBp, "countedBp");
        LocalDate screeningExpiresOn = rules.screeningExpiresOn(screeningCompletedOn);
        if (!today.isBefore(screeningExpiresOn)) {
            return Eligibility.blockedBy(List.of(Reason.needsClearance("SCREENING",
                    "Screening expired on " + screeningExpiresOn + ": screen the patient again.")));
        }
        List<Clearance> current = clearances.stream().filter(clearance -> clearance.validOn(today)).toList();
        return new Judgement(current, countedBp).of(screening.reasons(), screeningExpiresOn);
    }

    /** Walks the reasons once, keeping what blocks and which clearances it used. */
    private static final class Judgement {

        private final List<Clearance> current;
        private final BloodPressure countedBp;
        private final List<Reason> blocking = new ArrayList<>();
        private final List<Clearance> used = new ArrayList<>();

        Judgement(List<Clearance> current, BloodPressure countedBp) {
            this.current = current;
            this.countedBp = countedBp;
        }

        Eligibility of(List<Reason> reasons, LocalDate screeningExpiresOn) {
            reasons.forEach(this::judge);
            // a physician's ceiling holds whatever reason the clearance was relied on for
            if (blocking.stream().noneMatch(Judgement::isBp)) {
                used.stream().filter(clearance -> !clearance.allows(countedBp)).findFirst()
                        .ifPresent(clearance -> blocking.add(aboveCeiling(clearance)));
            }
            if (!blocking.isEmpty()) {
                return Eligibility.blockedBy(blocking);
            }
            LocalDate until = used.stream().map(Clearance::expiresOn).reduce(screeningExpiresOn, EligibilityRules::earlier);
            return Eligibility.eligibleUntil(until, lowestCeiling());
        }

        private void judge(Reason reason) {
            switch (reason.outcome()) {
                // Warnings are for staff to see, never a reason to refuse.
                case CLEARED -> { }
                // No clearance overrides a contraindication, whatever its scope says.
                case CONTRAINDICATED -> blocking.add(reason);
                case NEEDS_CLEARANCE -> coveringClearance(reason).ifPresentOrElse(used::add, () -> blocking.add(uncovered(reason)));
            }
        }

        /** Of the clearances that cover the reason, the one lasting longest keeps the patient eligible longest. */
        private Optional<Clearance> coveringClearance(Reason reason) {
            return current.stream()
                    .filter(clearance -> clearance.covers(reason.ruleId()))
                    .filter(clearance -> !isBp(reason) || clearance.allows(countedBp))
                    .max(Comparator.comparing(Clearance::expiresOn));
        }

        private Reason uncovered(Reason reason) {
            Optional<Clearance> exceeded = current.stream().filter(clearance -> clearance.covers(reason.ruleId())).findFirst();
            if (!isBp(reason) || exceeded.isEmpty()) {
                return reason;
            }
            return aboveCeiling(exceeded.get());
        }

        private Reason aboveCeiling(Clearance clearance) {
            return new Reason(BP_RULE, Outcome.NEEDS_CLEARANCE, List.of(), "Blood pressure " + countedBp.asText()
                    + " is above the ceiling " + clearance.bpCeiling().asText() + " of the clearance by "
                    + clearance.physicianName() + ": no session at this reading (S7).", false, false);
        }

        private BloodPressure lowestCeiling() {
            return used.stream()
                    .map(Clearance::bpCeiling)
                    .filter(Objects::nonNull)
                    .min(Comparator.comparingInt(BloodPressure::systolic).thenComparingInt(BloodPressure::diastolic))
                    .orElse(null);
        }

        private static boolean isBp(Reason reason) {
            return BP_RULE.equals(reason.ruleId());
        }
    }

    private static LocalDate earlier(LocalDate one, LocalDate other) {
        return one.isBefore(other) ? one : other;
    }
}
