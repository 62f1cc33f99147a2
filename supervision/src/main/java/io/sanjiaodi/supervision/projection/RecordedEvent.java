package io.sanjiaodi.supervision.projection;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An event as the projections read it. Payloads are read as JSON by field name (a tolerant
 * reader): fields a projection does not know are ignored, so a new event revision that only adds
 * fields needs no change here.
 */
public record RecordedEvent(String eventId, String type, String aggregateId, long sequence, Instant time,
                            JsonNode payload) {

    public String text(String field) {
        JsonNode value = payload.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    public LocalDate date(String field) {
        String value = text(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
