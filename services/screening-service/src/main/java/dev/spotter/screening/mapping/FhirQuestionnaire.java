package dev.spotter.screening.mapping;

import dev.spotter.screening.domain.Questionnaire;
import dev.spotter.screening.domain.Questionnaire.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The screening questionnaire as a FHIR R4 Questionnaire resource (JSON), one item per question S1-S14. */
public final class FhirQuestionnaire {

    public static final String MEDIA_TYPE = "application/fhir+json";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final Map<String, String> SNOMED_BY_QUESTION = Map.of(
            "S1", "77386006", "S2", "23986001", "S3", "42059000", "S4", "56265001", "S5", "230690007",
            "S6", "38341003", "S8", "182764009", "S9", "64859006", "S10", "84089009", "S11", "235595009");

    private FhirQuestionnaire() {
    }

    public static Map<String, Object> resource() {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("resourceType", "Questionnaire");
        resource.put("id", "spotter-screening");
        resource.put("url", "urn:spotter:questionnaire:screening");
        resource.put("version", Integer.toString(Questionnaire.VERSION));
        resource.put("name", "SpotterScreening");
        resource.put("title", "Inversion-table therapy screening");
        resource.put("status", "active");
        resource.put("subjectType", List.of("Patient"));
        resource.put("item", Questionnaire.QUESTIONS.stream().map(FhirQuestionnaire::item).toList());
        return resource;
    }

    private static Map<String, Object> item(Question question) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("linkId", question.id());
        item.put("text", question.text());
        if (SNOMED_BY_QUESTION.containsKey(question.id())) {
            item.put("code", List.of(Map.of("system", SNOMED, "code", SNOMED_BY_QUESTION.get(question.id()))));
        }
        switch (question.type()) {
            case YES_NO -> item.put("type", "boolean");
            case WEIGHT -> item.put("type", "decimal");
            default -> {
                item.put("type", "group");
                item.put("item", parts(question));
            }
        }
        item.put("required", true);
        return item;
    }

    private static List<Map<String, Object>> parts(Question question) {
        List<Map<String, Object>> parts = new ArrayList<>();
        switch (question.type()) {
            case BLOOD_PRESSURE -> {
                parts.add(part(question, "first.systolic", "Systolic (mmHg)", "integer"));
                parts.add(part(question, "first.diastolic", "Diastolic (mmHg)", "integer"));
                parts.add(part(question, "recheck.systolic", "Recheck after 5 minutes: systolic (mmHg)", "integer"));
                parts.add(part(question, "recheck.diastolic", "Recheck after 5 minutes: diastolic (mmHg)", "integer"));
            }
            case CHOICE -> {
                Map<String, Object> choice = part(question, question.fields().getFirst(), "Osteoporosis", "choice");
                choice.put("answerOption", question.choices().stream().map(c -> Map.of("valueString", c)).toList());
                parts.add(choice);
                question.fields().stream().skip(1).forEach(f -> parts.add(part(question, f, f, f.endsWith("Date") ? "date" : "boolean")));
            }
            default -> question.fields().forEach(f -> parts.add(part(question, f, f,
                    f.endsWith("Date") ? "date" : f.endsWith("Names") ? "string" : "boolean")));
        }
        return parts;
    }

    private static Map<String, Object> part(Question question, String field, String text, String type) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("linkId", question.id() + "." + field);
        part.put("text", text);
        part.put("type", type);
        return part;
    }
}
