package dev.spotter.alert.service;

import dev.spotter.alert.config.DeliveryConfig;
import dev.spotter.alert.delivery.SecretBox;
import dev.spotter.alert.delivery.WebhookAddresses;
import dev.spotter.alert.domain.Roster;
import dev.spotter.alert.model.ClinicRoster;
import dev.spotter.alert.model.Clinician;
import dev.spotter.alert.model.OnCallShift;
import dev.spotter.platform.config.SpotterConfig;
import dev.spotter.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A clinic's on-call roster: its settings, clinicians and shifts, and the roster as the escalation reads it. */
@ApplicationScoped
public class RosterService {

    /** The longest shift accepted: longer is almost always a typing error in a date. */
    static final Duration LONGEST_SHIFT = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SpotterConfig config;

    @Inject
    DeliveryConfig delivery;

    @Inject
    SecretBox secrets;

    @Transactional
    public ClinicRoster settings(String clinicId) {
        ClinicRoster settings = ClinicRoster.findById(clinicId);
        if (settings == null) {
            settings = new ClinicRoster();
            settings.clinicId = clinicId;
            settings.timeZone = config.clinic().defaultTimeZone();
        }
        return settings;
    }

    @Transactional
    public ClinicRoster changeSettings(String clinicId, String timeZone, String clinicLead) {
        zoneOf(timeZone);
        if (clinicLead != null && Clinician.findById(new Clinician.Key(clinicId, clinicLead)) == null) {
            throw ProblemException.refused("unknown-clinician", "clinicLead", "No clinician '" + clinicLead + "' in your clinic's roster.");
        }
        ClinicRoster settings = ClinicRoster.findById(clinicId);
        if (settings == null) {
            settings = new ClinicRoster();
            settings.clinicId = clinicId;
        }
        settings.timeZone = timeZone;
        settings.clinicLead = clinicLead;
        settings.persist();
        return settings;
    }

    /** A new random key for signing the clinic's webhook requests, replacing any before it; returned once. */
    @Transactional
    public String rotateWebhookSecret(String clinicId) {
        ClinicRoster settings = settings(clinicId);
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        settings.webhookSecret = secrets.seal(clinicId, secret);
        settings.persist();
        return secret;
    }

    /** Adds or changes a clinician; at least one way to reach them beyond the console. */
    @Transactional
    public Clinician putClinician(String clinicId, String username, String displayName, String email, String webhookUrl) {
        if (email == null && webhookUrl == null) {
            throw ProblemException.invalidFields(List.of("email", "webhookUrl"),
                    "a clinician needs an e-mail address or a webhook (or both)");
        }
        if (webhookUrl != null) {
            WebhookAddresses.refusal(webhookUrl, delivery.webhookPrivateNetworks()).ifPresent(refusal -> {
                throw ProblemException.invalidField("webhookUrl", refusal);
            });
        }
        Clinician clinician = Clinician.findById(new Clinician.Key(clinicId, username));
        if (clinician == null) {
            clinician = new Clinician();
            clinician.key = new Clinician.Key(clinicId, username);
        }
        clinician.displayName = displayName.strip();
        clinician.email = email;
        clinician.webhookUrl = webhookUrl;
        clinician.persist();
        return clinician;
    }

    @Transactional
    public List<Clinician> clinicians(String clinicId) {
        return Clinician.list("key.clinicId = ?1 order by key.username", clinicId);
    }

    @Transactional
    public OnCallShift addShift(String clinicId, String clinician, Roster.Role role, LocalDateTime start, LocalDateTime end) {
        if (Clinician.findById(new Clinician.Key(clinicId, clinician)) == null) {
            throw ProblemException.refused("unknown-clinician", "clinician", "No clinician '" + clinician + "' in your clinic's roster.");
        }
        if (!end.isAfter(start)) {
            throw ProblemException.invalidField("end", "a shift must end after it starts");
        }
        if (Duration.between(start, end).compareTo(LONGEST_SHIFT) > 0) {
            throw ProblemException.invalidField("end", "a shift lasts at most " + LONGEST_SHIFT.toHours() + " hours");
        }
        OnCallShift shift = new OnCallShift();
        shift.id = UUID.randomUUID();
        shift.clinicId = clinicId;
        shift.clinician = clinician;
        shift.role = role;
        shift.startsLocal = start;
        shift.endsLocal = end;
        shift.persist();
        return shift;
    }

    @Transactional
    public List<OnCallShift> shifts(String clinicId, LocalDateTime from, LocalDateTime to) {
        return OnCallShift.list("clinicId = ?1 and endsLocal > ?2 and startsLocal < ?3 order by startsLocal", clinicId, from, to);
    }

    @Transactional
    public void removeShift(String clinicId, UUID shiftId) {
        if (OnCallShift.delete("id = ?1 and clinicId = ?2", shiftId, clinicId) == 0) {
            throw ProblemException.notFound("Shift", shiftId);
        }
    }

    /** The roster as the escalation and the coverage check read it, with the shifts that touch the window. */
    @Transactional
    public Roster roster(String clinicId, Instant from, Instant to) {
        ClinicRoster settings = settings(clinicId);
        ZoneId zone = ZoneId.of(settings.timeZone);
        // a day either side: wall-clock times and instants differ by the zone's offset, at most a day
        LocalDateTime localFrom = LocalDateTime.ofInstant(from, zone).minusDays(1);
        LocalDateTime localTo = LocalDateTime.ofInstant(to, zone).plusDays(1);
        Set<String> clinicians = clinicians(clinicId).stream().map(c -> c.key.username()).collect(Collectors.toSet());
        return new Roster(zone, shifts(clinicId, localFrom, localTo).stream().map(OnCallShift::toShift).toList(),
                Optional.ofNullable(settings.clinicLead), clinicians);
    }

    private static ZoneId zoneOf(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("timeZone", "not a time zone: use a region name such as Europe/London");
        }
    }

}
