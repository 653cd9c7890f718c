package dev.spotter.alert.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A clinic's roster settings: the time zone its shifts are written in, and its clinic lead (the fallback of every escalation). */
@Entity
@Table(name = "clinic_roster")
public class ClinicRoster extends PanacheEntityBase {

    @Id
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "clinic_lead")
    public String clinicLead;

    /** The key webhook requests are signed with; never shown after it is created. */
    @Column(name = "webhook_secret")
    public String webhookSecret;
}
