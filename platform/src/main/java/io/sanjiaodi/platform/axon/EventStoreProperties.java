package io.sanjiaodi.platform.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@ConfigurationProperties("sanjiaodi.event-store")
public record EventStoreProperties(
        String schema,
        @DefaultValue("10m") Duration gapTimeout,
        @DefaultValue("250") int gapCleaningThreshold,
        @DefaultValue("100") int batchSize) {

    public EventStoreProperties {
        if (schema == null || !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("sanjiaodi.event-store.schema must be a lower-case SQL identifier, was " + schema);
        }
    }
}
