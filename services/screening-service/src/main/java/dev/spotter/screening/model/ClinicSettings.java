package dev.spotter.screening.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The thresholds a clinic has configured; a clinic without a row uses the defaults of the clinical rules. */
@Entity
@Table(name = "clinic_settings")
public class ClinicSettings extends PanacheEntityBase {

    @Id
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "screening_valid_days", nullable = false)
    public int screeningValidDays;

    @Column(name = "stroke_window_months", nullable = false)
    public int strokeWindowMonths;

    @Column(name = "stage1_needs_clearance", nullable = false)
    public boolean stage1NeedsClearance;

    @Column(name = "reflux_needs_clearance", nullable = false)
    public boolean refluxNeedsClearance;

    @Column(name = "table_rated_load_kg", nullable = false)
    public BigDecimal tableRatedLoadKg;

    @Column(name = "clearance_valid_days", nullable = false)
    public int clearanceValidDays;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
