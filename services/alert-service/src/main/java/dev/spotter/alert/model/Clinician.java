package dev.spotter.alert.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A clinician of a clinic who may be paged, with how to reach them beyond the console: e-mail, a webhook, or both. */
@Entity
@Table(name = "clinician")
public class Clinician extends PanacheEntityBase {

    /** A clinician is known by their user name within their clinic. */
    @Embeddable
    public record Key(@Column(name = "clinic_id") String clinicId, @Column(name = "username") String username)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column
    public String email;

    @Column(name = "webhook_url")
    public String webhookUrl;
}
