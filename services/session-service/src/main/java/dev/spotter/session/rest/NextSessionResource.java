package dev.spotter.session.rest;

import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.Roles;
import dev.spotter.session.service.ProgressionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** The next session's suggested angle and hold for a patient, with the reason, for the tablet to show. */
@Path("/api/courses/{patientId}/next-session")
@RolesAllowed({Roles.TABLET, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
public class NextSessionResource {

    public record NextSessionView(int angleDegrees, int holdSeconds, String change, boolean slowerReturn, String reason,
                                  UUID basedOnSession) {
    }

    @Inject
    ProgressionService progression;

    @Inject
    CallerClinic caller;

    @GET
    public NextSessionView next(@PathParam("patientId") UUID patientId) {
        var next = progression.suggest(caller.id(), patientId);
        var s = next.suggestion();
        return new NextSessionView(s.angleDegrees(), s.holdSeconds(), s.change().name(), s.slowerReturn(), s.reason(), next.basedOnSession());
    }
}
