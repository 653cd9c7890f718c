package dev.spotter.screening.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.screening.domain.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Reads and writes the JSON columns (answers, reasons) with the application's object mapper. */
@ApplicationScoped
public class StoredJson {

    @Inject
    ObjectMapper json;

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Reason> reasons(String stored) {
        try {
            return json.readValue(stored, new TypeReference<List<Reason>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored reasons", e);
        }
    }
}
