package dev.spotter.screening.service;

import dev.spotter.events.screening.PatientRegistered;
import dev.spotter.platform.outbox.Outbox;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.screening.model.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registers a clinic's patients (with the default protocol plan) and tells the other services their pseudonymous ids. */
@ApplicationScoped
public class PatientService {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    PlanService plans;

    @Transactional
    public Patient register(String clinicId, String user, UUID patientId, String displayName) {
        Patient patient = new Patient();
        patient.id = patientId;
        patient.clinicId = clinicId;
        patient.displayName = displayName.strip();
        patient.registeredAt = clock.instant();
        patient.registeredBy = user;
        patient.persist();
        outbox.publish(new PatientRegistered(UUID.randomUUID(), clinicId, patient.registeredAt, patient.id));
        plans.startWithDefault(clinicId, user, patient.id);
        return patient;
    }

    @Transactional
    public List<Patient> list(String clinicId) {
        return Patient.<Patient>find("clinicId = ?1 order by displayName", clinicId).page(0, 500).list();
    }

    @Transactional
    public Optional<Patient> find(String clinicId, UUID patientId) {
        return Patient.<Patient>find("id = ?1 and clinicId = ?2", patientId, clinicId).firstResultOptional();
    }

    /** The patient of this clinic, or a 404 that does not tell whether another clinic has one by that id. */
    @Transactional
    public Patient require(String clinicId, UUID patientId) {
        return find(clinicId, patientId).orElseThrow(() -> ProblemException.notFound("Patient", patientId));
    }

    @Transactional
    public boolean exists(UUID patientId) {
        return Patient.findById(patientId) != null;
    }
}
