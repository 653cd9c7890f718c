package dev.spotter.screening.rest;

import dev.spotter.platform.security.Roles;
import dev.spotter.screening.domain.Questionnaire;
import dev.spotter.screening.mapping.FhirQuestionnaire;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.List;
import java.util.Map;

/** The screening questionnaire: as JSON for the tablet, and as a FHIR R4 Questionnaire. */
@Path("/api/screening/questionnaire")
@RolesAllowed({Roles.TABLET, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
public class QuestionnaireResource {

    public record QuestionnaireView(int version, List<Questionnaire.Question> questions) {
    }

    @GET
    public QuestionnaireView questionnaire() {
        return new QuestionnaireView(Questionnaire.VERSION, Questionnaire.QUESTIONS);
    }

    @GET
    @Path("/fhir")
    @Produces(FhirQuestionnaire.MEDIA_TYPE)
    public Map<String, Object> fhir() {
        return FhirQuestionnaire.resource();
    }
}
