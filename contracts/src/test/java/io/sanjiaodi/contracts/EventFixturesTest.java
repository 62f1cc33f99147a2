package io.sanjiaodi.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published language is guarded by one JSON fixture per event: a fixture must read into the
 * event and the event must write back to exactly the fixture. A renamed or retyped field breaks
 * this test before it breaks a consumer.
 */
class EventFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Stream<Class<?>> publishedEvents() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.sanjiaodi.contracts").stream()
                .filter(c -> c.isAnnotatedWith(Revision.class))
                .map(JavaClass::reflect)
                .sorted((a, b) -> a.getName().compareTo(b.getName()));
    }

    @Test
    void thereArePublishedEventsToGuard() {
        assertThat(publishedEvents().map(Class::getSimpleName))
                .contains("InterviewScheduled", "InterviewConducted", "RectificationOpened");
    }

    @ParameterizedTest(name = "{0} reads its fixture and writes it back unchanged")
    @MethodSource("publishedEvents")
    void everyPublishedEventRoundTripsThroughItsFixture(Class<?> eventType) throws IOException {
        JsonNode fixture = fixture(eventType);
        Object event = JSON.treeToValue(fixture, eventType);
        assertThat((JsonNode) JSON.valueToTree(event)).as("serialized %s", eventType.getSimpleName()).isEqualTo(fixture);
        assertThat((Object) JSON.treeToValue(JSON.valueToTree(event), eventType)).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0} fixture sets every field")
    @MethodSource("publishedEvents")
    void fixturesLeaveNoFieldUnset(Class<?> eventType) throws IOException {
        JsonNode fixture = fixture(eventType);
        List<String> components = Stream.of(eventType.getRecordComponents()).map(c -> c.getName()).toList();
        assertThat(fixture.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(components);
        fixture.fields().forEachRemaining(f -> assertThat(f.getValue().isNull()).as(f.getKey()).isFalse());
    }

    private static JsonNode fixture(Class<?> eventType) throws IOException {
        String path = "/fixtures/" + eventType.getSimpleName() + ".json";
        try (InputStream in = EventFixturesTest.class.getResourceAsStream(path)) {
            assertThat(in).as("fixture %s for published event %s", path, eventType.getName()).isNotNull();
            return JSON.readTree(in);
        }
    }
}
