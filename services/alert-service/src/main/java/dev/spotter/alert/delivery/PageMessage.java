package dev.spotter.alert.delivery;

import dev.spotter.alert.model.Alert;
import dev.spotter.alert.model.AlertPage;
import dev.spotter.events.Priority;
import java.time.Instant;
import java.util.UUID;

/**
 * What a page says, by webhook (as its JSON body) or e-mail: which alert, how urgent, what caused it, where to
 * acknowledge it. {@code cause} is the latest symptom, flag or finding (the one that paged again, if any);
 * {@code firstCause} the one that raised the alert. Pseudonymous ids only: no patient's name ever leaves Spotter in a page. {@code deliveryId} is the
 * same on every attempt of one page, so a receiver can drop a repeat.
 */
public record PageMessage(String type, UUID deliveryId, int attempt, String clinicId, UUID alertId, UUID sessionId,
                          UUID screeningId, UUID patientId, Priority priority, String status, String cause, String firstCause, Instant raisedAt,
                          int level, String clinician, String consoleUrl) {

    public static PageMessage of(AlertPage page, Alert alert, int attempt, String consoleUrl) {
        return new PageMessage(AlertPage.CANCELLED.equals(page.purpose) ? "alert.cancelled" : "alert.page", page.id, attempt,
                alert.clinicId, alert.id, alert.sessionId, alert.screeningId, alert.patientId, alert.priority, alert.status.name(),
                alert.latestCause(), alert.cause, alert.raisedAt, page.level, page.clinician, consoleUrl);
    }

    public boolean isCancellation() {
        return "alert.cancelled".equals(type);
    }

    /** One line, for an e-mail's subject and a pager's screen. */
    public String headline() {
        String cause = this.cause.replace('_', ' ').replace('-', ' ').toLowerCase();
        return isCancellation() ? "Cancelled: the " + priority + " alert for " + cause + " was entered in error"
                : priority + " alert: " + cause + (sessionId != null ? " during an inversion session" : " at screening");
    }

    public String text() {
        StringBuilder text = new StringBuilder(headline()).append(".\n\n");
        if (isCancellation()) {
            text.append("Nothing more is needed for this alert.\n");
        } else {
            text.append(priority == Priority.HIGH ? "Go to the patient now and acknowledge the alert.\n"
                    : "Acknowledge the alert and see the patient.\n");
        }
        text.append("\nAlert ").append(alertId).append(", raised ").append(raisedAt).append(", escalation level ").append(level)
                .append(".\nPatient ").append(patientId).append(" (clinic ").append(clinicId).append(").\n");
        if (consoleUrl != null) {
            text.append("\nConsole: ").append(consoleUrl).append('\n');
        }
        return text.toString();
    }
}
