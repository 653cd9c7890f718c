package dev.spotter.screening.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One completed screening questionnaire: the answers as given, and the outcome with its reasons. */
@Entity
@Table(name = "screening")
public class Screening extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "questionnaire_version", nullable = false)
    public int questionnaireVersion;

    /** The answers as JSON, exactly as submitted. */
    @Column(nullable = false)
    public String answers;

    @Column(nullable = false)
    public String outcome;

    /** The reasons as JSON. */
    @Column(nullable = false)
    public String reasons;

    @Column(name = "bp_category", nullable = false)
    public String bpCategory;

    @Column(name = "counted_systolic", nullable = false)
    public int countedSystolic;

    @Column(name = "counted_diastolic", nullable = false)
    public int countedDiastolic;

    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;

    /** The clinic's calendar day of completion: the validity counts from it. */
    @Column(name = "completed_on", nullable = false)
    public LocalDate completedOn;

    /** The first day the screening no longer counts. */
    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    @Column(name = "completed_by", nullable = false)
    public String completedBy;
}
