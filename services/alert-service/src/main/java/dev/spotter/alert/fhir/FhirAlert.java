package dev.spotter.alert.fhir;

import static dev.spotter.platform.fhir.FhirExport.reference;

import dev.spotter.alert.model.Alert;
import dev.spotter.alert.model.AlertPage;
import dev.spotter.alert.model.DeliveryAttempt;
import dev.spotter.platform.fhir.FhirExport;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * An alert as a CommunicationRequest (its priority mapped HIGH = stat, MEDIUM = urgent, LOW = routine, about the session's
 * Procedure or the screening's QuestionnaireResponse) and each page of it as a Communication based on that request.
 */
final class FhirAlert {

    static final String CATEGORIES = "http://terminology.hl7.org/CodeSystem/communication-category";

    private FhirAlert() {
    }

    static CommunicationRequest request(Alert alert, List<AlertPage> pages) {
        CommunicationRequest request = new CommunicationRequest().setStatus(status(alert));
        request.setId(alert.id.toString());
        request.setPriority(CommunicationRequest.CommunicationPriority.fromCode(alert.priority.fhirPriority()));
        request.addCategory(new CodeableConcept(new Coding(CATEGORIES, "alert", "Alert")));
        request.setSubject(patient(alert));
        request.addAbout(alert.sessionId != null ? new Reference(reference("Procedure", alert.sessionId))
                : new Reference(reference("QuestionnaireResponse", alert.screeningId)));
        request.setAuthoredOnElement(FhirExport.dateTime(alert.raisedAt));
        request.setRequester(new Reference().setDisplay("Spotter"));
        alert.timeline.stream().map(entry -> entry.cause).filter(Objects::nonNull).distinct()
                .forEach(cause -> request.addReasonCode(new CodeableConcept(FhirExport.local("alert-cause", cause, cause)).setText(cause)));
        request.addPayload().setContent(new StringType(alert.priority + " alert: " + alert.latestCause()));
        pages.stream().map(page -> page.clinician).distinct().forEach(clinician -> request.addRecipient(clinician(clinician)));
        whatPeopleDid(alert, request);
        return request;
    }

    /** Who acknowledged, who resolved it with what outcome, or who cancelled it and why. */
    private static void whatPeopleDid(Alert alert, CommunicationRequest request) {
        if (alert.acknowledgedAt != null) {
            request.addNote().setText("Acknowledged by " + alert.acknowledgedBy).setTimeElement(FhirExport.dateTime(alert.acknowledgedAt));
        }
        if (alert.resolvedAt != null) {
            request.addNote().setText("Resolved by " + alert.resolvedBy + ": " + alert.outcome).setTimeElement(FhirExport.dateTime(alert.resolvedAt));
        }
        if (alert.cancelledAt != null) {
            request.setStatusReason(new CodeableConcept().setText("Cancelled by " + alert.cancelledBy + ": " + alert.cancelReason));
        }
    }

    /** One page of one clinician by one channel; every delivery attempt is a note on it. */
    static Communication page(Alert alert, AlertPage page, List<DeliveryAttempt> attempts) {
        Communication communication = new Communication().setStatus(pageStatus(page));
        communication.setId(page.id.toString());
        communication.addBasedOn(new Reference(reference("CommunicationRequest", alert.id)));
        communication.addCategory(new CodeableConcept(AlertPage.CANCELLED.equals(page.purpose)
                ? new Coding(CATEGORIES, "notification", "Notification") : new Coding(CATEGORIES, "alert", "Alert")));
        communication.setPriority(Communication.CommunicationPriority.fromCode(alert.priority.fhirPriority()));
        communication.addMedium(new CodeableConcept(FhirExport.local("channel", page.channel, page.channel)));
        communication.setSubject(patient(alert));
        communication.addRecipient(clinician(page.clinician));
        communication.setSentElement(FhirExport.dateTime(page.deliveredAt != null ? page.deliveredAt : page.pagedAt));
        communication.addPayload().setContent(new StringType((AlertPage.CANCELLED.equals(page.purpose)
                ? "The alert was cancelled" : "Page, escalation step " + page.escalation + ", level " + page.level) + " (" + page.status + ")"));
        attempts.forEach(attempt -> communication.addNote().setTimeElement(FhirExport.dateTime(attempt.startedAt))
                .setText("Attempt " + attempt.attempt + ": " + (attempt.outcome == null ? "no result" : attempt.outcome)
                        + (attempt.detail == null ? "" : " (" + attempt.detail + ")")));
        if (AlertPage.FAILED.equals(page.status)) {
            communication.setStatusReason(new CodeableConcept().setText("Every delivery attempt failed"));
        }
        return communication;
    }

    private static CommunicationRequest.CommunicationRequestStatus status(Alert alert) {
        return switch (alert.status) {
            case RAISED, ACKNOWLEDGED -> CommunicationRequest.CommunicationRequestStatus.ACTIVE;
            case RESOLVED -> CommunicationRequest.CommunicationRequestStatus.COMPLETED;
            case CANCELLED -> CommunicationRequest.CommunicationRequestStatus.REVOKED;
        };
    }

    private static Communication.CommunicationStatus pageStatus(AlertPage page) {
        return switch (page.status) {
            case AlertPage.SHOWN, AlertPage.DELIVERED -> Communication.CommunicationStatus.COMPLETED;
            case AlertPage.PENDING -> Communication.CommunicationStatus.INPROGRESS;
            case AlertPage.FAILED -> Communication.CommunicationStatus.NOTDONE;
            case AlertPage.STOPPED -> Communication.CommunicationStatus.STOPPED;
            default -> Communication.CommunicationStatus.UNKNOWN;
        };
    }

    private static Reference patient(Alert alert) {
        return new Reference(reference("Patient", alert.patientId));
    }

    /** A clinician of the roster by their user name; the roster's contacts stay out of the record. */
    private static Reference clinician(String username) {
        return new Reference().setType("Practitioner").setDisplay(username);
    }
}
