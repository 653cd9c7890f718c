package dev.spotter.alert.model;

import dev.spotter.alert.domain.EscalationPolicy;
import dev.spotter.events.Priority;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A clinic's own escalation for one priority, in place of the default. */
@Entity
@Table(name = "escalation_setting")
public class EscalationSetting extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "clinic_id") String clinicId,
                      @Enumerated(EnumType.STRING) @Column(name = "priority") Priority priority) implements Serializable {
    }

    /** One level as stored: seconds after the chain began, and the roles it pages. */
    public record StoredLevel(long afterSeconds, Set<EscalationPolicy.Target> targets) {
    }

    @EmbeddedId
    public Key key;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<StoredLevel> levels;

    @Column(name = "repeat_seconds", nullable = false)
    public long repeatSeconds;

    public EscalationPolicy toPolicy() {
        return new EscalationPolicy(levels.stream()
                .map(level -> new EscalationPolicy.Level(Duration.ofSeconds(level.afterSeconds()), level.targets())).toList(),
                Duration.ofSeconds(repeatSeconds));
    }

    public static Optional<EscalationSetting> of(String clinicId, Priority priority) {
        return findByIdOptional(new Key(clinicId, priority));
    }
}
