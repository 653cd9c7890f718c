package dev.spotter.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The fault run's verdict: every stop-symptom the API accepted must have exactly one alert and exactly one first page.
 * A session with none is lost; one with two alerts, or two distinct first pages, is duplicated. Repeated attempts of
 * one page (same delivery id) are at-least-once delivery by design, counted but not a duplicate.
 */
public final class DeliveryCheck {

    /** Sessions by what went wrong; empty lists mean nothing was lost or duplicated. */
    public record Verdict(int accepted, List<UUID> withoutAlert, List<UUID> withoutFirstPage, Map<UUID, Set<UUID>> duplicatedAlerts,
                          Map<UUID, Set<UUID>> duplicatedFirstPages, int repeatedAttempts) {

        public boolean clean() {
            return withoutAlert.isEmpty() && withoutFirstPage.isEmpty() && duplicatedAlerts.isEmpty() && duplicatedFirstPages.isEmpty();
        }

        public String summary() {
            return "%d accepted stop-symptoms: %d without an alert, %d without a first page, %d with two or more alerts, "
                    .formatted(accepted, withoutAlert.size(), withoutFirstPage.size(), duplicatedAlerts.size())
                    + "%d with two or more first pages (%d repeated attempts of one page)".formatted(duplicatedFirstPages.size(), repeatedAttempts);
        }
    }

    private DeliveryCheck() {
    }

    public static Verdict check(Recording recording) {
        Set<UUID> accepted = recording.symptoms().stream().filter(Recording.SentSymptom::accepted)
                .map(Recording.SentSymptom::sessionId).collect(Collectors.toCollection(java.util.TreeSet::new));
        Map<UUID, Set<UUID>> alerts = recording.alerts().stream().collect(Collectors.groupingBy(Recording.SeenAlert::sessionId,
                TreeMap::new, Collectors.mapping(Recording.SeenAlert::alertId, Collectors.toSet())));
        Map<UUID, Set<UUID>> pages = recording.pages().stream().collect(Collectors.groupingBy(Recording.FirstPage::sessionId,
                TreeMap::new, Collectors.mapping(Recording.FirstPage::deliveryId, Collectors.toSet())));
        int distinctPages = pages.values().stream().mapToInt(Set::size).sum();
        return new Verdict(accepted.size(),
                accepted.stream().filter(session -> !alerts.containsKey(session)).toList(),
                accepted.stream().filter(session -> !pages.containsKey(session)).toList(),
                moreThanOne(alerts, accepted),
                moreThanOne(pages, accepted),
                recording.pages().size() - distinctPages);
    }

    private static Map<UUID, Set<UUID>> moreThanOne(Map<UUID, Set<UUID>> bySession, Set<UUID> accepted) {
        Map<UUID, Set<UUID>> found = new TreeMap<>();
        bySession.forEach((session, ids) -> {
            if (accepted.contains(session) && ids.size() > 1) {
                found.put(session, ids);
            }
        });
        return found;
    }
}
