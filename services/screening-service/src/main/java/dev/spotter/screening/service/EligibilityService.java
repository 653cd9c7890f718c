package dev.spotter.screening.service;

import dev.spotter.clinical.BloodPressure;
import dev.spotter.clinical.BpCategory;
import dev.spotter.events.screening.PatientEligibility;
import dev.spotter.screening.domain.Clearance;
import dev.spotter.screening.domain.Eligibility;
import dev.spotter.screening.domain.EligibilityRules;
import dev.spotter.screening.domain.Outcome;
import dev.spotter.screening.domain.Reason;
import dev.spotter.screening.domain.ScreeningResult;
import dev.spotter.screening.mapping.EligibilityMapping;
import dev.spotter.screening.mapping.StoredJson;
import dev.spotter.screening.model.PhysicianClearance;
import dev.spotter.screening.model.Screening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Decides, from the latest screening and the clearances on file, whether a patient may start a session now. */
@ApplicationScoped
public class EligibilityService {

    private static final Reason NOT_SCREENED = new Reason("SCREENING", Outcome.NEEDS_CLEARANCE, List.of(),
            "The patient has not been screened: complete the screening questionnaire first.", false, false);

    @Inject
    ClinicSettingsService settings;

    @Inject
    StoredJson json;

    @Inject
    PatientService patients;

    /** The eligibility of a patient of this clinic (404 otherwise), as of now. */
    @Transactional
    public PatientEligibility ofPatient(String clinicId, UUID patientId) {
        patients.require(clinicId, patientId);
        return current(clinicId, patientId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public PatientEligibility current(String clinicId, UUID patientId) {
        ClinicSettingsService.Settings clinic = settings.of(clinicId);
        Optional<Screening> latest = Screening.<Screening>find("patientId = ?1 and clinicId = ?2 order by completedAt desc",
                patientId, clinicId).firstResultOptional();
        List<Clearance> clearances = clearances(clinicId, patientId);
        BpCategory bpAllowedUpTo = bpAllowedUpTo(clearances, clinic);
        if (latest.isEmpty()) {
            return EligibilityMapping.toEvent(new Eligibility(false, Outcome.NEEDS_CLEARANCE,
                    List.of(NOT_SCREENED), null, null), clinic.timeZone(), bpAllowedUpTo);
        }
        Screening screening = latest.get();
        ScreeningResult result = ScreeningResult.of(json.reasons(screening.reasons), BpCategory.valueOf(screening.bpCategory));
        var eligibility = EligibilityRules.evaluate(result, screening.completedOn,
                new BloodPressure(screening.countedSystolic, screening.countedDiastolic), clearances, clinic.rules(), settings.today(clinic));
        return EligibilityMapping.toEvent(eligibility, clinic.timeZone(), bpAllowedUpTo);
    }

    /** The highest BP category a reading before a session may fall in, by the same rule as S7 at screening. */
    private BpCategory bpAllowedUpTo(List<Clearance> clearances, ClinicSettingsService.Settings clinic) {
        LocalDate today = settings.today(clinic);
        if (clearances.stream().anyMatch(c -> c.validOn(today) && c.covers("S7"))) {
            return BpCategory.STAGE_2;
        }
        return clinic.rules().stage1NeedsClearance() ? BpCategory.NORMAL : BpCategory.STAGE_1;
    }

    private static List<Clearance> clearances(String clinicId, UUID patientId) {
        return PhysicianClearance.<PhysicianClearance>list("patientId = ?1 and clinicId = ?2", patientId, clinicId).stream()
                .map(EligibilityService::toDomain).toList();
    }

    static Clearance toDomain(PhysicianClearance stored) {
        Set<String> scope = Arrays.stream(stored.scope.split(",")).collect(Collectors.toUnmodifiableSet());
        BloodPressure ceiling = stored.bpCeilingSystolic == null ? null : new BloodPressure(stored.bpCeilingSystolic, stored.bpCeilingDiastolic);
        return new Clearance(stored.id, stored.physicianName, stored.physicianId, stored.issuedOn, scope, ceiling, stored.expiresOn);
    }
}
