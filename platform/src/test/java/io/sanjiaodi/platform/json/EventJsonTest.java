package io.sanjiaodi.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mapper the services store and publish events with writes every contract fixture exactly:
 * the same fields in the same order with the same value forms (the bytes the services wrote on
 * Spring Boot 3, whose Jackson 2 mapper this replaces).
 */
class EventJsonTest {

    private static final ObjectMapper JSON = EventJson.mapper();

    static Stream<Class<?>> publishedEvents() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.sanjiaodi.contracts").stream()
                .filter(c -> c.isAnnotatedWith(Revision.class))
                .map(JavaClass::reflect);
    }

    @ParameterizedTest(name = "{0} is written exactly as its fixture")
    @MethodSource("publishedEvents")
    void everyPublishedEventIsWrittenAsItsFixture(Class<?> eventType) throws IOException {
        String path = "/fixtures/" + eventType.getSimpleName() + ".json";
        try (InputStream in = EventJsonTest.class.getResourceAsStream(path)) {
            assertThat(in).as("fixture %s", path).isNotNull();
            JsonNode fixture = JSON.readTree(in);
            Object event = JSON.treeToValue(fixture, eventType);
            assertThat(JSON.writeValueAsString(event)).isEqualTo(JSON.writeValueAsString(fixture));
        }
    }

    @Test
    void datesAndDurationsAreIsoTextAndUnknownFieldsAreIgnored() throws IOException {
        assertThat(JSON.writeValueAsString(Map.of("at", Instant.parse("2018-11-15T02:30:00Z"))))
                .isEqualTo("{\"at\":\"2018-11-15T02:30:00Z\"}");
        assertThat(JSON.writeValueAsString(Map.of("d", Duration.ofMinutes(90)))).isEqualTo("{\"d\":\"PT1H30M\"}");
        assertThat(JSON.readValue("{\"signedBy\":\"张某\",\"later\":1}", Signed.class)).isEqualTo(new Signed("张某"));
    }

    record Signed(String signedBy) {
    }
}
