package dev.spotter.session.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.spotter.events.alert.AlertStatusChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The pages of a session's alert as session-service keeps them: a JSON list on the session, in the order they came. */
public final class AlertNotifications {

    /** One page: who, by which channel, when. */
    public record Notified(String who, String channel, String at) {
    }

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

    static String append(String json, List<AlertStatusChanged.Page> pages, Instant at) {
        List<Notified> all = new ArrayList<>(read(json));
        pages.forEach(page -> all.add(new Notified(page.clinician(), page.channel(), at.toString())));
        try {
            return JSON.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
