package io.sanjiaodi.platform.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's event store in PostgreSQL.
 *
 * @param schema               the service's own schema; its event, snapshot and token tables live there
 *                             and nowhere else (the JDBC URL names the database, shared or not)
 * @param gapTimeout           how long a tracking token waits for a missing global index before it
 *                             gives it up. Appends take the store's commit lock, so indexes are
 *                             assigned in commit order and a gap is only ever a rolled-back insert;
 *                             minutes, so that even a stalled commit is never given up on early
 * @param gapCleaningThreshold gaps a token carries before the store checks which are past the timeout
 * @param batchSize            events read per query, by a tracking processor or an aggregate load
 * @param maxEventBytes        the largest event (payload and metadata as stored) the store accepts:
 *                             below Kafka's default record limit (1 MiB, {@code max.request.size} and
 *                             the broker's {@code message.max.bytes}) with room for the CloudEvents
 *                             headers, so that every stored event can be published
 */
@ConfigurationProperties("sanjiaodi.event-store")
public record EventStoreProperties(
        String schema,
        @DefaultValue("10m") Duration gapTimeout,
        @DefaultValue("250") int gapCleaningThreshold,
        @DefaultValue("100") int batchSize,

        @DefaultValue("" + EventStoreProperties.DEFAULT_MAX_EVENT_BYTES)
        int maxEventBytes) {

    /** See {@code maxEventBytes}. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 900_000;

    /** With the default event size limit. */
    public EventStoreProperties(String schema, Duration gapTimeout, int gapCleaningThreshold, int batchSize) {
        this(schema, gapTimeout, gapCleaningThreshold, batchSize, DEFAULT_MAX_EVENT_BYTES);
    }

    @ConstructorBinding
    public EventStoreProperties {
        if (schema == null || !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(
                    "sanjiaodi.event-store.schema must be a lower-case SQL identifier, was " + schema);
        }
    }
}
