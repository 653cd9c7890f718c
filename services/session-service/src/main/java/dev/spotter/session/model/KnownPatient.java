package dev.spotter.session.model;

import dev.spotter.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** session-service's view of a patient from screening-service: clinic, whether they may start a session, and their plan. */
@Entity
@Table(name = "known_patient")
public class KnownPatient extends PanacheEntityBase {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(nullable = false)
    public boolean eligible;

    @Column(name = "effective_outcome")
    public String effectiveOutcome;

    /** The blocking reasons as JSON, as screening-service sent them. */
    @Column(name = "blocking_reasons", nullable = false)
    public String blockingReasons = "[]";

    @Column(name = "eligible_until")
    public Instant eligibleUntil;

    @Column(name = "bp_ceiling_systolic")
    public Integer bpCeilingSystolic;

    @Column(name = "bp_ceiling_diastolic")
    public Integer bpCeilingDiastolic;

    @Column(name = "eligibility_updated_at")
    public Instant eligibilityUpdatedAt;

    /** The highest BP category a pre-session reading may fall in (NORMAL, STAGE_1, STAGE_2). */
    @Column(name = "bp_allowed_up_to")
    public String bpAllowedUpTo;

    /** The protocol plan as JSON, as screening-service sent it; null until one is set. */
    @Column
    public String plan;

    /** The patient of this clinic, or a 404 that does not tell whether another clinic has one by that id. */
    public static KnownPatient inClinic(String clinicId, UUID patientId) {
        KnownPatient patient = findById(patientId);
        if (patient == null || !patient.clinicId.equals(clinicId)) {
            throw ProblemException.notFound("Patient", patientId);
        }
        return patient;
    }
}
