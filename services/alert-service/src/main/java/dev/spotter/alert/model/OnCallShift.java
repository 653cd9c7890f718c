package dev.spotter.alert.model;

import dev.spotter.alert.domain.Roster;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/** One on-call shift, in the clinic's wall-clock time. */
@Entity
@Table(name = "on_call_shift")
public class OnCallShift extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(nullable = false)
    public String clinician;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Roster.Role role;

    @Column(name = "starts_local", nullable = false)
    public LocalDateTime startsLocal;

    @Column(name = "ends_local", nullable = false)
    public LocalDateTime endsLocal;

    public Roster.Shift toShift() {
        return new Roster.Shift(clinician, role, startsLocal, endsLocal);
    }
}
