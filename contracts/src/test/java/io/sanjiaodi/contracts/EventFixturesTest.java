package io.sanjiaodi.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every published event has a JSON fixture that sets each of its fields. That each fixture reads
 * into its event and is written back exactly, by the mapper the services publish with, is checked
 * in {@code platform} ({@code EventJsonTest}), where that mapper lives.
 */
class EventFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Class<?>> publishedEvents() {
        return EventFixtures.publishedEvents();
    }

    @Test
    void thereArePublishedEventsToGuard() {
        assertThat(publishedEvents().map(Class::getSimpleName))
                .contains("InterviewScheduled", "InterviewConducted", "RectificationOpened");
    }

    @ParameterizedTest(name = "{0} fixture sets every field")
    @MethodSource("publishedEvents")
    void fixturesLeaveNoFieldUnset(Class<?> eventType) throws IOException {
        JsonNode fixture = JSON.readTree(EventFixtures.fixture(eventType));
        List<String> components =
                Stream.of(eventType.getRecordComponents()).map(c -> c.getName()).toList();
        assertThat(fixture.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(components);
        fixture.fields()
                .forEachRemaining(
                        f -> assertThat(f.getValue().isNull()).as(f.getKey()).isFalse());
    }
}
