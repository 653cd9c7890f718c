package dev.spotter.alert.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One page of one clinician for one escalation step of an alert, by one channel. */
@Entity
@Table(name = "alert_page")
public class AlertPage extends PanacheEntityBase {

    /** The clinician console: the live stream and the alert list every clinician of the clinic sees. */
    public static final String CONSOLE = "console";

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    /** When the escalation chain began: the raise, or a re-trigger. */
    @Column(name = "chain_started_at", nullable = false)
    public Instant chainStartedAt;

    /** Which step of the chain: 0 for the first page, counting repeats. */
    @Column(nullable = false)
    public int escalation;

    /** Which level of the policy it paged. */
    @Column(nullable = false)
    public int level;

    @Column(nullable = false)
    public String clinician;

    @Column(nullable = false)
    public String channel;

    @Column(name = "paged_at", nullable = false)
    public Instant pagedAt;

    public static List<AlertPage> of(UUID alertId) {
        return list("alertId = ?1 order by pagedAt, clinician", alertId);
    }
}
