package dev.spotter.alert.rest;

import dev.spotter.alert.domain.Roster;
import dev.spotter.alert.model.ClinicRoster;
import dev.spotter.alert.model.Clinician;
import dev.spotter.alert.model.OnCallShift;
import dev.spotter.alert.service.RosterService;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** A clinic's on-call roster: clinic-admins manage it; clinicians read it; the coverage check lists the next days' gaps. */
@Path("/api/roster")
@RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
public class RosterResource {

    public record SettingsView(String timeZone, String clinicLead) {

        static SettingsView of(ClinicRoster settings) {
            return new SettingsView(settings.timeZone, settings.clinicLead);
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
