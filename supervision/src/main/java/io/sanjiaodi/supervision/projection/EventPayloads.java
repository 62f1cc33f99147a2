package io.sanjiaodi.supervision.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.sanjiaodi.contracts.interview.ListItems;
import io.sanjiaodi.platform.json.EventJson;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tolerant reader of the payloads supervision follows: each is read once, straight from its
 * bytes, into its contract record, chosen by the CloudEvents type (the record's simple name) from
 * the projections' routes. It reads as the services write (platform's {@link EventJson}: ISO dates,
 * unknown fields ignored, so a newer producer's extra fields never break a rebuild) and goes two
 * steps further for the same reason: an enum constant it does not know reads as null, and a
 * problem's confidential source is not read at all — it never enters the supervision models.
 */
public final class EventPayloads {

    private static final ObjectMapper JSON = EventJson.mapper()
            .copy()
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .addMixIn(ListItems.ProblemItem.class, WithoutConfidentialSource.class);
    private static final Map<String, ObjectReader> READERS = readers();

    private EventPayloads() {}

    /**
     * @param type the CloudEvents type
     * @return the payload as its contract record; null for a type no supervision model follows (not read)
     */
    public static Object read(String type, byte[] data) throws IOException {
        ObjectReader reader = READERS.get(type);
        return reader == null ? null : reader.readValue(data);
    }

    /** A contract value as JSON, the way the reader sees it (no confidential source). */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a contract record did not write as JSON", e);
        }
    }

    private static Map<String, ObjectReader> readers() {
        Map<String, ObjectReader> readers = new HashMap<>();
        Stream.of(InterviewEvents.ROUTES, LedgerEvents.ROUTES)
                .flatMap(routes -> routes.payloadTypes().stream())
                .forEach(type -> readers.put(type.getSimpleName(), JSON.readerFor(type)));
        return Map.copyOf(readers);
    }

    /** Neither a legacy plaintext source nor a sealed one (its ciphertext) is ever read into a supervision model. */
    @JsonIgnoreProperties({"confidentialSource", "sealedSource"})
    private interface WithoutConfidentialSource {}
}
