package dev.spotter.alert.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One attempt to deliver a page by a webhook or an e-mail: when it started and ended, and what came of it. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {

    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "page_id", nullable = false)
    public UUID pageId;

    /** 1 for the first attempt. */
    @Column(nullable = false)
    public int attempt;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    /** Null while the attempt is under way, or when its sender died before it ended. */
    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column
    public String outcome;

    /** The receiver's answer (an HTTP status, an SMTP reply) or the error, in a line. */
    @Column
    public String detail;

    public static List<DeliveryAttempt> of(UUID pageId) {
        return list("pageId = ?1 order by attempt", pageId);
    }
}
