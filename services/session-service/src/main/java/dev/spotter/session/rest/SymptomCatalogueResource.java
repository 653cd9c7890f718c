package dev.spotter.session.rest;

import dev.spotter.platform.security.Roles;
import dev.spotter.session.domain.Symptom;
import dev.spotter.session.rest.SessionViews.CatalogueEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Arrays;
import java.util.List;

/** The symptom catalogue the tablet shows as buttons. */
@Path("/api/symptoms")
public class SymptomCatalogueResource {

    @GET
    @RolesAllowed({Roles.TABLET, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public List<CatalogueEntry> catalogue() {
        return Arrays.stream(Symptom.values()).map(CatalogueEntry::of).toList();
    }
}
