package io.sanjiaodi.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.contracts.EventFixtures;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mapper the services store and publish events with reads every contract fixture into its
 * event and writes it back exactly: the same fields in the same order with the same value forms
 * (the bytes the services wrote on Spring Boot 3, whose Jackson 2 mapper this replaces).
 */
class EventJsonTest {

    private static final ObjectMapper JSON = EventJson.mapper();

    static Stream<Class<?>> publishedEvents() {
        return EventFixtures.publishedEvents();
    }

    @ParameterizedTest(name = "{0} reads its fixture and is written exactly as it")
    @MethodSource("publishedEvents")
    void everyPublishedEventRoundTripsThroughItsFixture(Class<?> eventType) throws IOException {
        JsonNode fixture = JSON.readTree(EventFixtures.fixture(eventType));
        Object event = JSON.treeToValue(fixture, eventType);
        assertThat(JSON.writeValueAsString(event)).isEqualTo(JSON.writeValueAsString(fixture));
        assertThat(JSON.readValue(JSON.writeValueAsString(event), eventType)).isEqualTo(event);
    }

    @Test
    void datesAndDurationsAreIsoTextAndUnknownFieldsAreIgnored() throws IOException {
        assertThat(JSON.writeValueAsString(Map.of("at", Instant.parse("2018-11-15T02:30:00Z"))))
                .isEqualTo("{\"at\":\"2018-11-15T02:30:00Z\"}");
        assertThat(JSON.writeValueAsString(Map.of("d", Duration.ofMinutes(90)))).isEqualTo("{\"d\":\"PT1H30M\"}");
        assertThat(JSON.readValue("{\"signedBy\":\"张某\",\"later\":1}", Signed.class))
                .isEqualTo(new Signed("张某"));
    }

    record Signed(String signedBy) {}
}
