package dev.spotter.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Resource;

/**
 * What the three services' FHIR R4 exports share: the media type, one logical base for every entry (so the three parts
 * of a patient's record merge into one Bundle whose references resolve), the local code systems, and the JSON writer.
 * HAPI's context is built on the first export, never at start-up: start time and memory are measured targets.
 */
public final class FhirExport {

    public static final String MEDIA_TYPE = "application/fhir+json";
    /** The logical base of every entry's fullUrl; entries refer to each other relatively ({@code Patient/<id>}). */
    public static final String BASE = "https://spotter.dev/fhir/";
    /** Spotter's own codes: observations with no standard code (angle, hold), and the like. */
    public static final String LOCAL_CODES = BASE + "CodeSystem/";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";

    private FhirExport() {
    }

    /** A collection Bundle of the resources, each entry's fullUrl under {@link #BASE}. */
    public static Bundle collection(UUID id, Instant at, List<? extends Resource> resources) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION).setTimestamp(Date.from(at));
        bundle.setId(id.toString());
        resources.forEach(resource -> bundle.addEntry().setFullUrl(fullUrl(resource)).setResource(resource));
        return bundle;
    }

    /** The reference to a resource by its type and id, relative to {@link #BASE}. */
    public static String reference(String type, UUID id) {
        return type + "/" + id;
    }

    /** A stable id for a resource Spotter stores no row of its own for (an observation of a session, say). */
    public static UUID derivedId(UUID owner, String part) {
        return UUID.nameUUIDFromBytes((owner + ":" + part).getBytes(StandardCharsets.UTF_8));
    }

    /** An instant as a FHIR dateTime in UTC. */
    public static DateTimeType dateTime(Instant at) {
        DateTimeType dateTime = new DateTimeType(Date.from(at));
        dateTime.setTimeZoneZulu(true);
        return dateTime;
    }

    public static DateType date(LocalDate day) {
        return new DateType(day.toString());
    }

    /** A coding of one of Spotter's own code systems, {@code system} naming it under {@link #LOCAL_CODES}. */
    public static Coding local(String system, String code, String display) {
        return new Coding(LOCAL_CODES + system, code, display);
    }

    public static String json(Bundle bundle) {
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
    }

    private static String fullUrl(Resource resource) {
        return BASE + resource.fhirType() + "/" + resource.getIdPart();
    }
}
