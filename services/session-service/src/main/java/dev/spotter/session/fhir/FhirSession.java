package dev.spotter.session.fhir;

import static dev.spotter.platform.fhir.FhirExport.reference;

import dev.spotter.platform.fhir.FhirExport;
import dev.spotter.session.model.InversionEntry;
import dev.spotter.session.model.Session;
import dev.spotter.session.model.SessionStatus;
import dev.spotter.session.model.SessionSymptom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** One session as a Procedure (its spotter the performer) followed by its Observations. */
final class FhirSession {

    private FhirSession() {
    }

    static List<Resource> of(Session session, List<InversionEntry> entries) {
        List<Resource> resources = new ArrayList<>();
        resources.add(procedure(session));
        if (session.bpBeforeSystolic != null) {
            resources.add(FhirObservations.bloodPressure(session, "before", session.startedAt, session.bpBeforeSystolic,
                    session.bpBeforeDiastolic));
        }
        if (session.heartRateBefore != null) {
            resources.add(FhirObservations.heartRate(session, "before", session.startedAt, session.heartRateBefore));
        }
        if (session.painBefore != null) {
            resources.add(FhirObservations.pain(session, "before", session.startedAt, session.painBefore));
        }
        resources.addAll(inversion(session, entries));
        session.symptoms.forEach(symptom -> resources.add(FhirObservations.symptom(session, symptom)));
        afterChecks(session, resources);
        return resources;
    }

    static Procedure procedure(Session session) {
        Procedure procedure = new Procedure().setStatus(status(session));
        procedure.setId(session.id.toString());
        procedure.setCode(new CodeableConcept(FhirExport.local("activity", "inversion-session", "Inversion-table session")));
        procedure.setSubject(new Reference(reference("Patient", session.patientId)));
        Period performed = new Period().setStartElement(FhirExport.dateTime(session.startedAt));
        Instant end = end(session);
        if (end != null) {
            performed.setEndElement(FhirExport.dateTime(end));
        }
        procedure.setPerformed(performed);
        procedure.setRecorder(new Reference().setDisplay(session.startedBy));
        describe(session, procedure);
        return procedure;
    }

    /** The spotter as performer, why it ended early, its symptoms as complications and the spotter's sign-off. */
    private static void describe(Session session, Procedure procedure) {
        if (session.spotter != null) {
            procedure.addPerformer().setFunction(new CodeableConcept(FhirExport.local("role", "spotter", "Spotter")))
                    .setActor(new Reference().setDisplay(session.spotter));
        }
        if (session.status == SessionStatus.REFUSED) {
            procedure.setStatusReason(new CodeableConcept().setText("Refused at the pre-session check"));
        } else if (session.stoppedAt != null) {
            procedure.setStatusReason(new CodeableConcept().setText("Ended early by a stop-symptom"));
        }
        session.symptoms.forEach(symptom -> procedure.addComplication(FhirObservations.symptomValue(symptom.code)));
        if (session.spotterSignOff != null) {
            procedure.addNote().setText("Spotter's sign-off: " + session.spotterSignOff);
        }
    }

    private static Procedure.ProcedureStatus status(Session session) {
        return switch (session.status) {
            case ACTIVE -> Procedure.ProcedureStatus.INPROGRESS;
            case STOPPED -> Procedure.ProcedureStatus.STOPPED;
            case COMPLETED -> session.stoppedAt != null ? Procedure.ProcedureStatus.STOPPED : Procedure.ProcedureStatus.COMPLETED;
            case REFUSED -> Procedure.ProcedureStatus.NOTDONE;
        };
    }

    private static Instant end(Session session) {
        return session.completedAt != null ? session.completedAt : session.stoppedAt;
    }

    /** Each angle taken, and each hold that ended (at the patient's coming upright, or the session's stop). */
    private static List<Resource> inversion(Session session, List<InversionEntry> entries) {
        List<Resource> resources = new ArrayList<>();
        InversionEntry holdStart = null;
        for (InversionEntry entry : entries) {
            if (entry.angleDegrees != null) {
                resources.add(FhirObservations.angle(session, entry.id, entry.at, entry.angleDegrees));
            }
            if (InversionEntry.HOLD_STARTED.equals(entry.kind)) {
                holdStart = entry;
            } else if (InversionEntry.UPRIGHT.equals(entry.kind) && holdStart != null) {
                resources.add(FhirObservations.hold(session, entry.id, holdStart.at, entry.at));
                holdStart = null;
            }
        }
        if (holdStart != null && session.stoppedAt != null) {
            resources.add(FhirObservations.hold(session, FhirExport.derivedId(holdStart.id, "hold"), holdStart.at, session.stoppedAt));
        }
        return resources;
    }

    private static void afterChecks(Session session, List<Resource> resources) {
        Instant at = session.completedAt;
        if (at == null) {
            return;
        }
        if (session.bpAfterSystolic != null) {
            resources.add(FhirObservations.bloodPressure(session, "after", at, session.bpAfterSystolic, session.bpAfterDiastolic));
        }
        if (session.heartRateAfter != null) {
            resources.add(FhirObservations.heartRate(session, "after", at, session.heartRateAfter));
        }
        if (session.painAfter != null) {
            resources.add(FhirObservations.pain(session, "after", at, session.painAfter));
        }
    }
}
