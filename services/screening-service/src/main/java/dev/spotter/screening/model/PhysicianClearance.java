package dev.spotter.screening.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A physician's clearance on file for a patient: which NEEDS_CLEARANCE reasons it clears, until when. */
@Entity
@Table(name = "physician_clearance")
public class PhysicianClearance extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "physician_name", nullable = false)
    public String physicianName;

    @Column(name = "physician_id", nullable = false)
    public String physicianId;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    /** Rule ids, comma-separated. */
    @Column(nullable = false)
    public String scope;

    @Column(name = "bp_ceiling_systolic")
    public Integer bpCeilingSystolic;

    @Column(name = "bp_ceiling_diastolic")
    public Integer bpCeilingDiastolic;

    @Column(name = "expires_on", nullable = false)
    public LocalDate expiresOn;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** Whether ClearanceExpired went out for it. */
    @Column(name = "expiry_published", nullable = false)
    public boolean expiryPublished;
}
