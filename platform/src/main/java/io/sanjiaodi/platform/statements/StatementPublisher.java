package io.sanjiaodi.platform.statements;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.sanjiaodi.contracts.Topics;
import io.sanjiaodi.contracts.statement.ProducerStatement;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Signs and publishes the producer's statements. The stream grows from the event store up to the
 * outbox relay's committed position: the relay commits a position only after the broker
 * acknowledged every event up to it, so everything the stream holds has been published, and
 * nothing is claimed before it is. The stream is rebuilt from the store on the first run after a
 * start (O(n) once), then extended by the new events only.
 */
public class StatementPublisher {

    /** About 60 bytes a head: a statement stays far below Kafka's default 1 MB record limit. */
    static final int MAX_HEADS = 5_000;

    private static final Logger log = LoggerFactory.getLogger(StatementPublisher.class);
    private final EventStoreStream store;
    private final Supplier<OptionalLong> relayPosition;
    private final ProducerKey key;
    private final KafkaTemplate<String, CloudEvent> template;
    private final ObjectMapper json;
    private final String producer;
    private final Clock clock;
    private final ProducerStream stream = new ProducerStream();
    private ProducerStatement last;

    public StatementPublisher(
            EventStoreStream store,
            Supplier<OptionalLong> relayPosition,
            ProducerKey key,
            KafkaTemplate<String, CloudEvent> template,
            ObjectMapper json,
            String producer,
            Clock clock) {
        this.store = store;
        this.relayPosition = relayPosition;
        this.key = key;
        this.template = template;
        this.json = json;
        this.producer = producer;
        this.clock = clock;
    }

    /**
     * Extends the stream to the relay's position and, if it grew (or nothing was stated since the
     * start), signs and sends a statement; returns it, or null when there was nothing to state or
     * this instance does not run the relay.
     */
    public synchronized ProducerStatement publishIfGrown() throws Exception {
        OptionalLong position = relayPosition.get();
        if (position.isEmpty()) {
            return null; // another instance holds the relay's segments: it states the stream
        }
        if (position.getAsLong() > stream.lastGlobalIndex()) {
            store.forEach(stream.lastGlobalIndex(), position.getAsLong(), stream::append);
        }
        if (stream.size() == 0 || (last != null && last.size() == stream.size() && !stream.hasHeads())) {
            return null;
        }
        Map<String, Long> heads = stream.takeHeads(MAX_HEADS);
        ProducerStatement statement = new ProducerStatement(
                        producer,
                        stream.size(),
                        HexFormat.of().formatHex(stream.root()),
                        clock.millis(),
                        heads.entrySet().stream()
                                .map(h -> new ProducerStatement.Head(h.getKey(), h.getValue()))
                                .toList(),
                        null,
                        null)
                .signed(key.privateKey(), key.publicKey());
        try {
            template.send(new ProducerRecord<>(Topics.STATEMENTS, producer, toCloudEvent(statement)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            stream.restoreHeads(heads); // the next statement carries them
            throw e;
        }
        last = statement;
        log.debug("stated {} events of {}, root {}", statement.size(), producer, statement.rootHash());
        return statement;
    }

    /** The stream as this instance last stated it (for tests and diagnostics). */
    public synchronized ProducerStream stream() {
        return stream;
    }

    void tick() {
        try {
            publishIfGrown();
        } catch (Exception e) {
            log.warn("producer statement not published, retried at the next interval: {}", e.toString());
        }
    }

    private CloudEvent toCloudEvent(ProducerStatement statement) throws JsonProcessingException {
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(ProducerStatement.TYPE)
                .withSource(URI.create("/sanjiaodi/" + producer))
                .withSubject(producer)
                .withTime(Instant.ofEpochMilli(statement.time()).atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json.writeValueAsBytes(statement))
                .build();
    }
}
