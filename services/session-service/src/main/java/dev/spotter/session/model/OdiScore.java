package dev.spotter.session.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An Oswestry Disability Index score (0-100) at one of the three points of the 8-week course. */
@Entity
@Table(name = "odi_score")
public class OdiScore extends PanacheEntityBase {

    /** When in the course the score was taken. */
    public enum Point { BASELINE, WEEK_4, WEEK_8 }

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Point point;

    @Column(nullable = false)
    public int score;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
