package dev.spotter.session.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A watchdog alert already raised for a session: its kind and the moment it fell due. */
@Entity
@Table(name = "watchdog_alert")
public class WatchdogAlert extends PanacheEntityBase {

    /** Which alert, of which session, for which moment. */
    @Embeddable
    public record Id(@Column(name = "session_id") UUID sessionId, @Column(name = "kind") String kind,
                     @Column(name = "due_at") Instant dueAt) implements Serializable {
    }

    @EmbeddedId
    public Id id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;
}
