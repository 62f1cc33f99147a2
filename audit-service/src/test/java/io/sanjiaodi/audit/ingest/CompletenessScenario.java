package io.sanjiaodi.audit.ingest;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.completeness.CompletenessChecker;
import io.sanjiaodi.audit.completeness.CompletenessProperties;
import io.sanjiaodi.audit.completeness.CompletenessReport.ProducerFinding;
import io.sanjiaodi.audit.completeness.ProducerIndex;
import io.sanjiaodi.audit.completeness.ProducerStatements;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.contracts.statement.ProducerStatement;
import io.sanjiaodi.platform.kafka.deadletter.DeadLetterStore;
import io.sanjiaodi.platform.kafka.deadletter.DeadLetters;
import io.sanjiaodi.platform.statements.EventStoreStream;
import io.sanjiaodi.platform.statements.ProducerStream;
import io.sanjiaodi.platform.testing.MovableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A producer's published stream, the audit log that receives part of it, and statements of it. */
abstract class CompletenessScenario {

    static final String PRODUCER = "interview-service";

    @TempDir
    Path dir;

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
    final KeyPair producerKey = ed25519();
    AuditFixture audit;
    ProducerIndex index;
    ProducerStatements statements;
    CompletenessChecker checker;
    AuditIngestor ingestor;
    /** position -> (aggregate, sequence), the producer's side of the story */
    final Map<Long, String[]> published = new LinkedHashMap<>();

    @AfterEach
    void close() {
        audit.close();
    }

    void start() {
        audit = new AuditFixture(dir);
        index = new ProducerIndex(audit.mongo);
        CompletenessProperties properties = new CompletenessProperties(Duration.ofSeconds(30), Map.of(), List.of());
        statements = new ProducerStatements(audit.mongo, properties, clock);
        checker = new CompletenessChecker(index, statements, audit.log, properties, clock);
        ingestor = new AuditIngestor(
                audit.log,
                index,
                properties,
                new DeadLetters(new DeadLetterStore(audit.mongo)),
                io.sanjiaodi.audit.leader.WriterRole.ALWAYS);
    }

    /** Publishes: iv-1 seq 0..2 and iv-2 seq 0..1 interleaved as positions 1..5, then iv-3 seq 0 as 6. */
    void publish() {
        String[][] stream = {{"iv-1", "0"}, {"iv-2", "0"}, {"iv-1", "1"}, {"iv-2", "1"}, {"iv-1", "2"}, {"iv-3", "0"}};
        for (int i = 0; i < stream.length; i++) {
            published.put(i + 1L, stream[i]);
        }
    }

    static String id(long position) {
        return "ev-" + position;
    }

    /** The audit log receives these positions (the others withheld). */
    void logPositions(long... positions) {
        List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
        for (long p : positions) {
            String[] event = published.get(p);
            String jurisdiction = event[0].equals("iv-3") ? "fenghua" : "ningbo";
            CloudEvent cloudEvent = CloudEventBuilder.v1()
                    .withId(id(p))
                    .withType("ProblemItemAdded")
                    .withSource(URI.create("/sanjiaodi/" + PRODUCER))
                    .withSubject(event[0])
                    .withTime(OffsetDateTime.parse("2019-03-20T10:00:00Z").plusSeconds(p))
                    .withExtension("aggregatesequence", event[1])
                    .withExtension("aggregatetype", "Interview")
                    .withExtension("producerseq", Long.toString(p))
                    .withData(
                            "application/json",
                            ("{\"interviewId\":\"" + event[0] + "\",\"interviewee\":{\"jurisdictionId\":\""
                                            + jurisdiction + "\"}}")
                                    .getBytes(StandardCharsets.UTF_8))
                    .build();
            records.add(new ConsumerRecord<>("interview.events", 0, p, event[0], cloudEvent));
        }
        ingestor.on(records);
    }

    /** The producer's statement of its first n positions, heads as of them, built with platform's stream. */
    ProducerStatement statement(long n, KeyPair key) {
        ProducerStream stream = new ProducerStream();
        for (long p = 1; p <= n; p++) {
            String[] e = published.get(p);
            stream.append(new EventStoreStream.StoredEvent(p, id(p), e[0], "Interview", Long.parseLong(e[1])));
        }
        List<ProducerStatement.Head> heads = stream.takeHeads(100).entrySet().stream()
                .map(h -> new ProducerStatement.Head(h.getKey(), h.getValue()))
                .toList();
        return new ProducerStatement(
                        PRODUCER, n, HexFormat.of().formatHex(stream.root()), clock.millis(), heads, null, null)
                .signed(key.getPrivate(), key.getPublic());
    }

    ProducerFinding finding(ReaderScope scope) {
        return checker.check(scope).producers().stream()
                .filter(f -> f.producer().equals(PRODUCER))
                .findFirst()
                .orElseThrow();
    }

    static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
