package dev.spotter.session.model;

import dev.spotter.session.domain.Review;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A review a patient needs before their next session; open until a clinician releases it with a note. */
@Entity
@Table(name = "review_hold")
public class ReviewHold extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Review kind;

    /** What raised it: a symptom's code, or {@code deterioration}. */
    @Column(nullable = false)
    public String cause;

    @Column(nullable = false)
    public String reason;

    /** The session whose symptom or outcome raised it. */
    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "released_by")
    public String releasedBy;

    @Column(name = "release_note")
    public String releaseNote;

    public static List<ReviewHold> openFor(UUID patientId) {
        return list("patientId = ?1 and releasedAt is null order by createdAt", patientId);
    }

    public static boolean exists(UUID patientId, String cause, UUID sessionId) {
        return count("patientId = ?1 and cause = ?2 and sessionId = ?3", patientId, cause, sessionId) > 0;
    }
}
