package dev.spotter.session.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** session-service's view of a patient registered by screening-service: the pseudonymous id and its clinic. */
@Entity
@Table(name = "known_patient")
public class KnownPatient extends PanacheEntityBase {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
