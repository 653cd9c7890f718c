package dev.spotter.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Body(Boolean answer, Integer systolic, BigDecimal weightKg, String name, LocalDate issuedOn, Instant takenAt) {
    }

    private final ObjectMapper json = strict();

    @Test
    void valuesOfTheirOwnTypeAreRead() throws Exception {
        Body body = json.readValue("""
                {"answer": true, "systolic": 122, "weightKg": 74, "name": "Ana", "issuedOn": "2026-11-21",
                 "takenAt": "2026-11-21T08:00:00Z"}""", Body.class);

        assertThat(body).isEqualTo(new Body(true, 122, new BigDecimal("74"), "Ana", LocalDate.parse("2026-11-21"),
                Instant.parse("2026-11-21T08:00:00Z")));
    }

    @Test
    void aValueOfAnotherTypeIsRefusedNamingItsField() {
        refused("{\"answer\": 347}", "answer");
        refused("{\"answer\": \"true\"}", "answer");
        refused("{\"answer\": \"\"}", "answer");
        refused("{\"systolic\": 122.5}", "systolic");
        refused("{\"systolic\": \"122\"}", "systolic");
        refused("{\"systolic\": \"\"}", "systolic");
        refused("{\"weightKg\": \"74\"}", "weightKg");
        refused("{\"name\": 12}", "name");
        refused("{\"name\": false}", "name");
        refused("{\"issuedOn\": 20000}", "issuedOn");
        refused("{\"issuedOn\": \"\"}", "issuedOn");
        refused("{\"takenAt\": 12}", "takenAt");
        refused("{\"takenAt\": 1.5}", "takenAt");
    }

    private void refused(String body, String field) {
        assertThatThrownBy(() -> json.readValue(body, Body.class)).as(body).isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((MismatchedInputException) e).getPath().getFirst().getFieldName()).isEqualTo(field));
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }
}
