package dev.spotter.screening.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.platform.fhir.FhirExport;
import dev.spotter.screening.mapping.StoredJson;
import dev.spotter.screening.model.Patient;
import dev.spotter.screening.model.PatientPlan;
import dev.spotter.screening.model.Screening;
import dev.spotter.screening.service.ClearanceService;
import dev.spotter.screening.service.ClinicSettingsService;
import dev.spotter.screening.service.PatientService;
import dev.spotter.screening.service.ScreeningService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** screening-service's part of a patient's record as a FHIR R4 collection Bundle: patient, screenings, findings, clearances, plan. */
@ApplicationScoped
public class ScreeningRecord {

    @Inject
    PatientService patients;

    @Inject
    ScreeningService screenings;

    @Inject
    ClearanceService clearances;

    @Inject
    ClinicSettingsService settings;

    @Inject
    StoredJson json;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** The patient's part of the record, or a 404 when the caller's clinic has no such patient. */
    @Transactional
    public Bundle export(String clinicId, UUID patientId) {
        Patient patient = patients.require(clinicId, patientId);
        LocalDate today = settings.today(settings.of(clinicId));
        List<Resource> resources = new ArrayList<>();
        resources.add(FhirPatient.of(patient));
        List<Screening> history = screenings.history(clinicId, patientId);
        for (Screening screening : history) {
            boolean current = screening == history.getFirst() && today.isBefore(screening.validUntil);
            resources.addAll(FhirScreening.of(screening, answers(screening), json.reasons(screening.reasons), current));
        }
        clearances.list(clinicId, patientId).forEach(clearance -> resources.add(FhirClearance.of(clearance, today)));
        PatientPlan.<PatientPlan>find("patientId = ?1 and clinicId = ?2", patientId, clinicId).firstResultOptional()
                .ifPresent(plan -> resources.add(FhirPatient.plan(plan)));
        return FhirExport.collection(UUID.randomUUID(), clock.instant(), resources);
    }

    private JsonNode answers(Screening screening) {
        try {
            return mapper.readTree(screening.answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored answers of screening " + screening.id, e);
        }
    }
}
