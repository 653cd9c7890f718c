package dev.spotter.session.model;

import dev.spotter.events.Priority;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A symptom logged during a session, with the priority the rules gave it then. */
@Entity
@Table(name = "session_symptom")
public class SessionSymptom extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    public Session session;

    @Column(nullable = false)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(name = "stop_symptom", nullable = false)
    public boolean stopSymptom;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;
}
