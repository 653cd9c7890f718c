package dev.spotter.alert.model;

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

/**
 * One thing that happened to an alert, never changed afterwards: raised, a further symptom or finding, a priority
 * change, a page and each delivery attempt's result, nobody on call or nobody reached, and every human action.
 */
@Entity
@Table(name = "alert_timeline_entry")
public class AlertTimelineEntry extends PanacheEntityBase {

    public static final String RAISED = "RAISED";
    public static final String CAUSE_ADDED = "CAUSE_ADDED";
    public static final String PRIORITY_RAISED = "PRIORITY_RAISED";
    public static final String PAGED = "PAGED";
    public static final String NOBODY_ON_CALL = "NOBODY_ON_CALL";
    public static final String DELIVERED = "DELIVERED";
    public static final String DELIVERY_FAILED = "DELIVERY_FAILED";
    public static final String UNREACHED = "UNREACHED";
    public static final String REPAGED = "REPAGED";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    public static final String RETRIGGERED = "RETRIGGERED";
    public static final String RESOLVED = "RESOLVED";
    public static final String CANCELLED = "CANCELLED";

    @Id
    public UUID id;

    /** Set by the database in the order entries are written: it orders the entries of one instant. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "alert_id")
    public Alert alert;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public Instant at;

    @Column
    public String cause;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    @Column(name = "event_id")
    public UUID eventId;

    /** Who acted (a clinician for an acknowledgement); null for what the system did. */
    @Column
    public String actor;

    /** What happened, in words: whom a level paged, or which roles had nobody. */
    @Column
    public String detail;
}
