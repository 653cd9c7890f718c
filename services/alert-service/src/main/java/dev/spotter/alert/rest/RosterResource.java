package dev.spotter.alert.rest;

import dev.spotter.alert.delivery.WebhookSignature;
import dev.spotter.alert.domain.EscalationPolicy.Target;
import dev.spotter.alert.domain.EscalationPolicy;
import dev.spotter.alert.domain.Roster;
import dev.spotter.alert.model.ClinicRoster;
import dev.spotter.alert.model.Clinician;
import dev.spotter.alert.model.EscalationSetting;
import dev.spotter.alert.model.OnCallShift;
import dev.spotter.alert.service.EscalationSettings;
import dev.spotter.alert.service.RosterService;
import dev.spotter.events.Priority;
import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A clinic's on-call roster: clinic-admins manage it; clinicians read it; the coverage check lists the next days' gaps. */
@Path("/api/roster")
@RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
public class RosterResource {

    /** {@code webhookSecretSet}: whether webhook requests are signed yet; the secret itself is shown once, when created. */
    public record SettingsView(String timeZone, String clinicLead, boolean webhookSecretSet) {

        static SettingsView of(ClinicRoster settings) {
            return new SettingsView(settings.timeZone, settings.clinicLead, settings.webhookSecret != null);
        }
    }

    /** The new webhook signing key, and how receivers check it (see docs/alerts.md). */
    public record WebhookSecretView(String secret, String signatureHeader) {
    }

    /** One escalation level: seconds after the alert (or its re-trigger), and the roles it pages. */
    public record LevelView(@NotNull @Min(0) Long afterSeconds, @NotNull @Size(min = 1, max = 4) Set<@NotNull Target> targets) {
    }

    public record EscalationRequest(@NotNull @Size(min = 1, max = 10) List<@Valid @NotNull LevelView> levels,
                                    @NotNull @Min(1) Long repeatSeconds) {
    }

    /** A priority's escalation as it applies to the clinic: its own ({@code clinicDefined}) or the default. */
    public record EscalationView(Priority priority, boolean clinicDefined, List<LevelView> levels, long repeatSeconds) {

        static EscalationView of(Priority priority, boolean clinicDefined, EscalationPolicy policy) {
            return new EscalationView(priority, clinicDefined, policy.levels().stream()
                    .map(level -> new LevelView(level.after().toSeconds(), level.targets())).toList(),
                    policy.repeatEvery().toSeconds());
        }
    }

    public record SettingsRequest(@NotBlank @Size(max = 64) String timeZone, @Size(min = 1, max = 120) String clinicLead) {
    }

    public record ClinicianRequest(@NotBlank @Size(max = 120) String displayName, @Email @Size(max = 254) String email,
                                   @Size(max = 2000) String webhookUrl) {
    }

    public record ClinicianView(String username, String displayName, String email, String webhookUrl) {

        static ClinicianView of(Clinician clinician) {
            return new ClinicianView(clinician.key.username(), clinician.displayName, clinician.email, clinician.webhookUrl);
        }
    }

    /** A shift in the clinic's wall-clock time, as in {@code 2026-11-21T20:00}. */
    public record ShiftRequest(@NotBlank @Size(max = 120) String clinician, @NotNull Roster.Role role, @NotNull LocalDateTime start,
                               @NotNull LocalDateTime end) {
    }

    public record ShiftView(UUID id, String clinician, Roster.Role role, LocalDateTime start, LocalDateTime end) {

        static ShiftView of(OnCallShift shift) {
            return new ShiftView(shift.id, shift.clinician, shift.role, shift.startsLocal, shift.endsLocal);
        }
    }

    /** A stretch with nobody on call in a role, in instants and in the clinic's wall-clock time. */
    public record GapView(Roster.Role role, Instant from, Instant to, LocalDateTime fromLocal, LocalDateTime toLocal) {
    }

    public record CoverageView(String timeZone, Instant from, Instant to, List<GapView> gaps) {
    }

    @Inject
    RosterService roster;

    @Inject
    EscalationSettings escalation;

    @Inject
    CallerClinic caller;

    @Inject
    Clock clock;

    @GET
    @Path("/settings")
    public SettingsView settings() {
        return SettingsView.of(roster.settings(caller.id()));
    }

    @PUT
    @Path("/settings")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public SettingsView changeSettings(@Valid @NotNull SettingsRequest request) {
        return SettingsView.of(roster.changeSettings(caller.id(), request.timeZone(), request.clinicLead()));
    }

    /** Creates the clinic's webhook signing key, or replaces it (receivers must then take the new one). */
    @POST
    @Path("/webhook-secret")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public WebhookSecretView rotateWebhookSecret() {
        return new WebhookSecretView(roster.rotateWebhookSecret(caller.id()), WebhookSignature.HEADER);
    }

    @GET
    @Path("/escalation")
    public List<EscalationView> escalation() {
        String clinic = caller.id();
        return Arrays.stream(Priority.values()).map(priority -> EscalationView.of(priority,
                escalation.isClinicDefined(clinic, priority), escalation.policyFor(clinic, priority))).toList();
    }

    @PUT
    @Path("/escalation/{priority}")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public EscalationView changeEscalation(@PathParam("priority") Priority priority, @Valid @NotNull EscalationRequest request) {
        return EscalationView.of(priority, true, escalation.change(caller.id(), priority, request.levels().stream()
                .map(level -> new EscalationSetting.StoredLevel(level.afterSeconds(), level.targets())).toList(),
                request.repeatSeconds()));
    }

    /** Back to the default escalation for the priority. */
    @DELETE
    @Path("/escalation/{priority}")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public EscalationView resetEscalation(@PathParam("priority") Priority priority) {
        escalation.reset(caller.id(), priority);
        return EscalationView.of(priority, false, escalation.policyFor(caller.id(), priority));
    }

    @GET
    @Path("/clinicians")
    public List<ClinicianView> clinicians() {
        return roster.clinicians(caller.id()).stream().map(ClinicianView::of).toList();
    }

    @PUT
    @Path("/clinicians/{username}")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public ClinicianView putClinician(@PathParam("username") @Pattern(regexp = "[A-Za-z0-9._@-]{1,120}") String username,
                                      @Valid @NotNull ClinicianRequest request) {
        return ClinicianView.of(roster.putClinician(caller.id(), username, request.displayName(), request.email(), request.webhookUrl()));
    }

    @GET
    @Path("/shifts")
    public List<ShiftView> shifts(@QueryParam("from") LocalDateTime from, @QueryParam("to") LocalDateTime to) {
        LocalDateTime start = from != null ? from : LocalDateTime.now(clock).minusDays(1);
        return roster.shifts(caller.id(), start, to != null ? to : start.plusDays(15)).stream().map(ShiftView::of).toList();
    }

    @POST
    @Path("/shifts")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @APIResponse(responseCode = "201", description = "The shift, added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShiftView.class)))
    public Response addShift(@Valid @NotNull ShiftRequest request, @Context UriInfo uri) {
        OnCallShift shift = roster.addShift(caller.id(), request.clinician(), request.role(), request.start(), request.end());
        return Response.created(uri.getAbsolutePathBuilder().path(shift.id.toString()).build()).entity(ShiftView.of(shift)).build();
    }

    @DELETE
    @Path("/shifts/{id}")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public void removeShift(@PathParam("id") UUID id) {
        roster.removeShift(caller.id(), id);
    }

    /** Every stretch of the next {@code days} days (14 by default) in which a role has nobody on call. */
    @GET
    @Path("/coverage")
    public CoverageView coverage(@QueryParam("days") @DefaultValue("14") @Min(1) @Max(60) int days) {
        Instant from = clock.instant();
        Instant to = from.plus(Duration.ofDays(days));
        Roster current = roster.roster(caller.id(), from, to);
        List<GapView> gaps = current.gaps(from, to).stream().map(gap -> new GapView(gap.role(), gap.from(), gap.to(),
                LocalDateTime.ofInstant(gap.from(), current.zone()), LocalDateTime.ofInstant(gap.to(), current.zone()))).toList();
        return new CoverageView(current.zone().getId(), from, to, gaps);
    }
}
