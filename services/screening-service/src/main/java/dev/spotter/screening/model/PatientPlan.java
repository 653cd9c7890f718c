package dev.spotter.screening.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A patient's protocol plan: the starting angle and hold, the first-two-weeks ceiling and the limits. */
@Entity
@Table(name = "protocol_plan")
public class PatientPlan extends PanacheEntityBase {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "start_angle_degrees", nullable = false)
    public int startAngleDegrees;

    @Column(name = "start_hold_seconds", nullable = false)
    public int startHoldSeconds;

    @Column(name = "first_two_weeks_ceiling", nullable = false)
    public int firstTwoWeeksCeilingDegrees;

    @Column(name = "max_angle_degrees", nullable = false)
    public int maxAngleDegrees;

    @Column(name = "max_hold_seconds", nullable = false)
    public int maxHoldSeconds;

    @Column(name = "max_total_seconds", nullable = false)
    public int maxTotalSecondsPerSession;

    @Column(name = "max_sessions_per_week", nullable = false)
    public int maxSessionsPerWeek;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
