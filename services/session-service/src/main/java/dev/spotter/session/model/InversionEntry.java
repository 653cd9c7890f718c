package dev.spotter.session.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change of the table's position during a session: a hold began, the angle changed, the patient came upright. */
@Entity
@Table(name = "inversion_entry")
public class InversionEntry extends PanacheEntityBase {

    public static final String HOLD_STARTED = "HOLD_STARTED";
    public static final String ANGLE_CHANGED = "ANGLE_CHANGED";
    public static final String UPRIGHT = "UPRIGHT";

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "angle_degrees")
    public Integer angleDegrees;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "entered_by", nullable = false)
    public String enteredBy;
}
