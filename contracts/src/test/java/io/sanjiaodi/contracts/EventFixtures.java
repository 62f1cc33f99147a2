package io.sanjiaodi.contracts;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;

/**
 * The published events and their JSON fixtures ({@code /fixtures/<Event>.json}), shared with
 * {@code platform}'s check that the services' event mapper writes every fixture exactly.
 */
public final class EventFixtures {

    private EventFixtures() {}

    /** Every event of the published language (the records carrying {@code @Revision}), by name. */
    public static Stream<Class<?>> publishedEvents() {
        return new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.sanjiaodi.contracts")
                        .stream()
                        .filter(c -> c.isAnnotatedWith(Revision.class))
                        .map(JavaClass::reflect)
                        .sorted((a, b) -> a.getName().compareTo(b.getName()));
    }

    /** The fixture of an event as written in the repository; fails when there is none. */
    public static String fixture(Class<?> eventType) {
        String path = "/fixtures/" + eventType.getSimpleName() + ".json";
        try (InputStream in = EventFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no fixture " + path + " for published event " + eventType.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
