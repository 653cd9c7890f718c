package dev.spotter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.events.session.SymptomReported;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CloudEventCodecTest {

    private final CloudEventCodec codec = new CloudEventCodec("/spotter/test");

    static Iterable<SpotterEvent> samples() {
        return SampleEvents.all();
    }

    @Test
    void everyEventRecordHasASample() {
        Set<Class<?>> declared = Topics.all().stream()
                .flatMap(t -> t.eventClasses().stream())
                .collect(Collectors.toSet());
        Set<Class<?>> sampled = SampleEvents.all().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(declared);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripsThroughTheEnvelope(SpotterEvent event) {
        EncodedEvent encoded = codec.encode(event);

        SpotterEvent decoded = CloudEventCodec.decode(Topics.byName(encoded.topic()), encoded.headers(), encoded.data());

        assertThat(decoded).isEqualTo(event);
        assertThat(encoded.key()).isEqualTo(event.key());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void envelopeCarriesIdClinicTimeAndSchemaVersion(SpotterEvent event) {
        Map<String, String> headers = codec.encode(event).headers();

        assertThat(headers)
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", event.eventId().toString())
                .containsEntry("ce_source", "/spotter/test")
                .containsEntry("ce_time", event.occurredAt().toString())
                .containsEntry("ce_clinicid", event.clinicId())
                .containsEntry("ce_schemaversion", "1")
                .containsEntry("content-type", "application/json");
        assertThat(headers.get("ce_type")).startsWith("dev.spotter.").endsWith(".v1");
    }

    @Test
    void symptomTypeFollowsTheNamingScheme() {
        assertThat(EventTypes.typeOf(SymptomReported.class)).isEqualTo("dev.spotter.session.symptom-reported.v1");
    }

    @Test
    void rejectsGarbageData() {
        EncodedEvent good = codec.encode(symptom());

        assertThatThrownBy(() -> CloudEventCodec.decode(Topics.SESSION_EVENTS, good.headers(),
                "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("not a valid SymptomReported");
    }

    @Test
    void rejectsAnEventTypeThatDoesNotBelongOnTheTopic() {
        EncodedEvent good = codec.encode(symptom());

        assertThatThrownBy(() -> CloudEventCodec.decode(Topics.ALERT_EVENTS, good.headers(), good.data()))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("unknown event type 'dev.spotter.session.symptom-reported.v1'");
    }

    @Test
    void rejectsAnEnvelopeWhoseClinicDiffersFromTheData() {
        EncodedEvent good = codec.encode(symptom());
        Map<String, String> headers = new HashMap<>(good.headers());
        headers.put("ce_clinicid", "riverside");

        assertThatThrownBy(() -> CloudEventCodec.decode(Topics.SESSION_EVENTS, headers, good.data()))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("clinic");
    }

    @Test
    void rejectsDataWithoutARequiredField() {
        EncodedEvent good = codec.encode(symptom());
        byte[] withoutClinic = good.dataAsString().replace("\"clinicId\":\"northside\",", "").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CloudEventCodec.decode(Topics.SESSION_EVENTS, good.headers(), withoutClinic))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("clinicId is required");
    }

    @Test
    void rejectsAMessageWithoutCloudEventsHeaders() {
        assertThatThrownBy(() -> CloudEventCodec.decode(Topics.SESSION_EVENTS, Map.of(), "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("CloudEvents");
    }

    private static SymptomReported symptom() {
        return (SymptomReported) SampleEvents.all().stream()
                .filter(SymptomReported.class::isInstance).findFirst().orElseThrow();
    }
}
