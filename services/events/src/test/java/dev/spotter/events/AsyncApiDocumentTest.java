package dev.spotter.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.events.alert.AlertStatusChanged;
import dev.spotter.events.screening.ScreeningCompleted;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document ({@code asyncapi.yaml}) says what the contract classes do, no more and no less. */
class AsyncApiDocumentTest {

    private static final String DOCUMENT = "/asyncapi.yaml";

    @Test
    void the_document_describes_every_topic_event_and_field_of_the_code_and_nothing_else() throws Exception {
        JsonNode document = AsyncApiContract.read(DOCUMENT);

        assertThat(document.path("asyncapi").asText()).startsWith("3.");
        assertThat(AsyncApiContract.problems(document)).isEmpty();
    }

    @Test
    void a_field_missing_from_the_document_is_found() throws Exception {
        ObjectNode document = (ObjectNode) AsyncApiContract.read(DOCUMENT);
        ((ObjectNode) document.at("/components/schemas/SymptomReported/properties")).remove("stopSymptom");

        assertThat(AsyncApiContract.problems(document)).anyMatch(p -> p.startsWith("SymptomReported properties"));
    }

    @Test
    void a_field_of_the_wrong_type_is_found() throws Exception {
        ObjectNode document = (ObjectNode) AsyncApiContract.read(DOCUMENT);
        ((ObjectNode) document.at("/components/schemas/ClearanceRecorded/properties/expiresOn")).put("format", "date-time");

        assertThat(AsyncApiContract.problems(document)).anyMatch(p -> p.startsWith("ClearanceRecorded.expiresOn"));
    }

    @Test
    void an_optional_field_documented_as_required_is_found() throws Exception {
        ObjectNode document = (ObjectNode) AsyncApiContract.read(DOCUMENT);
        ((ArrayNode) document.at("/components/schemas/AlertRaised/required")).add("sessionId");

        assertThat(AsyncApiContract.problems(document)).anyMatch(p -> p.startsWith("AlertRaised required"));
    }

    @Test
    void an_enum_value_the_code_lacks_is_found() throws Exception {
        ObjectNode document = (ObjectNode) AsyncApiContract.read(DOCUMENT);
        ((ArrayNode) document.at("/components/schemas/AlertStatusChanged/properties/change/enum")).add("ESCALATED");

        assertThat(AsyncApiContract.problems(document)).anyMatch(p -> p.contains("change enum"));
    }

    @Test
    void an_event_type_or_version_the_code_lacks_is_found() throws Exception {
        ObjectNode document = (ObjectNode) AsyncApiContract.read(DOCUMENT);
        ((ObjectNode) document.at("/components/messages/ScreeningCompleted")).put("name", "dev.spotter.screening.screening-completed.v2");

        assertThat(AsyncApiContract.problems(document))
                .anyMatch(p -> p.startsWith("spotter.screening-events documents") && p.contains(".v2"));
        assertThat(EventTypes.typeOf(ScreeningCompleted.class)).endsWith(".v1");
    }

    @Test
    void a_topic_or_dead_letter_topic_missing_from_the_document_is_found() throws Exception {
        ObjectNode document = (ObjectNode) AsyncApiContract.read(DOCUMENT);
        ((ObjectNode) document.path("channels")).remove("alertServiceDeadLetters");

        assertThat(AsyncApiContract.problems(document)).anyMatch(p -> p.startsWith("channels"));
    }

    @Test
    void a_schema_that_describes_nothing_in_the_code_is_found() throws Exception {
        ObjectNode document = (ObjectNode) AsyncApiContract.read(DOCUMENT);
        ((ObjectNode) document.at("/components/schemas")).putObject("AlertEscalated").put("type", "object");

        assertThat(AsyncApiContract.problems(document)).contains("schema AlertEscalated describes nothing in the code");
    }

    @Test
    void an_envelope_header_the_codec_does_not_write_is_found() throws Exception {
        ObjectNode document = (ObjectNode) AsyncApiContract.read(DOCUMENT);
        ((ObjectNode) document.at("/components/schemas/CloudEventHeaders/properties")).remove(CloudEventCodec.H_CLINIC);

        assertThat(AsyncApiContract.problems(document)).anyMatch(p -> p.startsWith("CloudEvents headers"));
    }

    @Test
    void required_fields_are_found_by_building_the_records() {
        assertThat(AsyncApiContract.RecordSamples.requiredComponents(AlertStatusChanged.class))
                .contains("alertId", "change", "paged", "escalationLevel")
                .doesNotContain("sessionId", "screeningId", "actor", "nextEscalationAt");
    }
}
