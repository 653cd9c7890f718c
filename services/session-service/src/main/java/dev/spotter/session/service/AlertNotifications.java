package dev.spotter.session.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.spotter.events.alert.AlertStatusChanged;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages of a session's alert as session-service keeps them, a JSON list on the session in the order they came:
 * each page with what became of it (paged, then delivered or failed), and each level that found nobody on call.
 */
public final class AlertNotifications {

    /** One page (who, by which channel, when, at which level, and its outcome), or a level with nobody on call (no who). */
    public record Notified(String who, String channel, String at, Integer level, String outcome) {
    }

    public static final String PAGED = "paged";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final String NOBODY_ON_CALL = "nobody-on-call";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Notified>> LIST = new TypeReference<>() {
    };

    private AlertNotifications() {
    }

    public static List<Notified> read(String json) {
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable alert pages on a session: " + e.getMessage(), e);
        }
    }

    /** Adds what a status change says about whom was paged, or updates the page a delivery result is about. */
    static String apply(String json, AlertStatusChanged changed) {
        List<Notified> all = new ArrayList<>(read(json));
        String at = changed.occurredAt().toString();
        switch (changed.change()) {
            case PAGED -> changed.paged().forEach(page -> all.add(new Notified(page.clinician(), page.channel(), at,
                    changed.escalationLevel(), PAGED)));
            case NOBODY_ON_CALL -> all.add(new Notified(null, null, at, changed.escalationLevel(), NOBODY_ON_CALL));
            case DELIVERED, DELIVERY_FAILED -> changed.paged().forEach(page -> settle(all, page,
                    changed.change() == AlertStatusChanged.Change.DELIVERED ? DELIVERED : FAILED, changed.escalationLevel(), at));
            default -> {
                return json;
            }
        }
        try {
            return JSON.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The latest page of that person by that channel gets the outcome; a page not announced before (a fallback channel) is added. */
    private static void settle(List<Notified> all, AlertStatusChanged.Page page, String outcome, int level, String at) {
        for (int i = all.size() - 1; i >= 0; i--) {
            Notified earlier = all.get(i);
            if (page.clinician().equals(earlier.who()) && page.channel().equals(earlier.channel())) {
                if (!DELIVERED.equals(earlier.outcome())) {
                    all.set(i, new Notified(earlier.who(), earlier.channel(), earlier.at(), earlier.level(), outcome));
                }
                return;
            }
        }
        all.add(new Notified(page.clinician(), page.channel(), at, level, outcome));
    }
}
