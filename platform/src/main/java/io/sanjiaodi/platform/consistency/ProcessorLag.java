package io.sanjiaodi.platform.consistency;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far each streaming processor has come in the service's event store, for the metrics
 * {@code sanjiaodi.processor.lag} and {@code sanjiaodi.processor.position} (alert rules in
 * ops/prometheus/alerts.yml): the position of its slowest segment, read from the token store like
 * read-your-writes does, so every instance reports the same. The outbox relay is a processor too
 * ({@code kafka-publisher}): its lag is the outbox's. One read serves every gauge of a scrape.
 */
final class ProcessorLag {
    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    private final JdbcTemplate jdbc;
    private final String events;
    private final String tokens;
    private final Serializer serializer;
    private volatile Snapshot snapshot = new Snapshot(-1, Map.of(), System.nanoTime() - MAX_AGE_NANOS);

    /** {@code head}: the highest global index stored; {@code positions}: per processor, its slowest segment's. */
    record Snapshot(long head, Map<String, Long> positions, long readAtNanos) {}

    ProcessorLag(JdbcTemplate jdbc, String schema, Serializer serializer) {
        this.jdbc = jdbc;
        this.events = schema + ".domainevententry";
        this.tokens = schema + ".tokenentry";
        this.serializer = serializer;
    }

    /**
     * {@code sanjiaodi.event.store.head}, and per processor named {@code sanjiaodi.processor.position}
     * and {@code sanjiaodi.processor.lag}. The gauges hold this object strongly: Micrometer's default
     * is a weak reference, and nothing else keeps it, so after the first garbage collection that
     * cleared it every gauge answered NaN (seen in OutboxDeadLetterEndpointTest, depending on how
     * much a test allocated).
     */
    void register(MeterRegistry registry, Collection<String> processors) {
        Gauge.builder("sanjiaodi.event.store.head", this, ProcessorLag::head)
                .description("the highest global index in the service's event store")
                .strongReference(true)
                .register(registry);
        for (String name : processors) {
            Gauge.builder("sanjiaodi.processor.position", this, l -> l.position(name))
                    .tag("processor", name)
                    .description("the global index the processor's slowest segment has handled")
                    .strongReference(true)
                    .register(registry);
            Gauge.builder("sanjiaodi.processor.lag", this, l -> l.lag(name))
                    .tag("processor", name)
                    .description("events stored and not yet handled by the processor (kafka-publisher: the outbox)")
                    .strongReference(true)
                    .register(registry);
        }
    }

    double head() {
        return snapshot().head();
    }

    /** The slowest segment's position, 0 before its first batch; NaN for a processor without token rows. */
    double position(String processor) {
        Long position = snapshot().positions().get(processor);
        return position == null ? Double.NaN : position;
    }

    /** Events stored and not yet handled by the processor's slowest segment. */
    double lag(String processor) {
        Snapshot current = snapshot();
        Long position = current.positions().get(processor);
        return position == null ? Double.NaN : Math.max(0, current.head() - position);
    }

    Snapshot snapshot() {
        Snapshot current = snapshot;
        if (System.nanoTime() - current.readAtNanos() < MAX_AGE_NANOS) {
            return current;
        }
        synchronized (this) {
            if (System.nanoTime() - snapshot.readAtNanos() >= MAX_AGE_NANOS) {
                snapshot = read();
            }
            return snapshot;
        }
    }

    private Snapshot read() {
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM " + events, Long.class);
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("SELECT processorName, token, tokenType FROM " + tokens, row -> {
            TrackingToken token = ReadModelPositions.token(serializer, row.getBytes(2), row.getString(3));
            // global indexes start at 1: no token yet is position 0, every stored event still to handle
            long position = token == null ? 0 : token.position().orElse(0);
            positions.merge(row.getString(1), position, Math::min);
        });
        return new Snapshot(head == null ? -1 : head, Map.copyOf(positions), System.nanoTime());
    }
}
