package io.sanjiaodi.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.checkpoint.Keys;
import io.sanjiaodi.audit.completeness.CompletenessChecker;
import io.sanjiaodi.audit.completeness.CompletenessProofs;
import io.sanjiaodi.audit.completeness.CompletenessProperties;
import io.sanjiaodi.audit.completeness.CompletenessReport;
import io.sanjiaodi.audit.completeness.CompletenessReport.ProducerFinding;
import io.sanjiaodi.audit.completeness.ProducerIndex;
import io.sanjiaodi.audit.completeness.ProducerStatements;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.audit.verify.OfflineVerifier;
import io.sanjiaodi.contracts.statement.ProducerStatement;
import io.sanjiaodi.platform.security.Actor;
import io.sanjiaodi.platform.statements.EventStoreStream;
import io.sanjiaodi.platform.statements.ProducerStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log checked against producer statements: a withheld event, a withheld aggregate and a
 * missing tail are named once the grace is over and pending before; a forged statement is refused
 * and named; the completeness proof verifies offline and fails for a tampered id.
 */
class ProducerCompletenessTest {

    static final String PRODUCER = "interview-service";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock();
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
        ingestor = new AuditIngestor(audit.log, index, properties);
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

    @Test
    void aLogHoldingEveryStatedEventIsCompleteAndItsProofVerifiesOfflineButNotWithATamperedId() throws Exception {
        start();
        publish();
        logPositions(2, 1, 4, 3, 5, 6); // partitions interleave: arrival order is not producer order
        statements.receive("s-1", statement(6, producerKey));
        clock.advance(Duration.ofMinutes(1));

        CompletenessReport report = checker.check(ReaderScope.everything());
        assertThat(report.ok()).isTrue();
        assertThat(finding(ReaderScope.everything()).status()).isEqualTo("COMPLETE");

        audit.checkpoints.signIfGrown();
        var proof = new CompletenessProofs(statements, index, audit.mongo, audit.log, audit.checkpoints)
                .prove(PRODUCER, null, ReaderScope.everything());
        ObjectMapper json = new ObjectMapper();
        Path proofFile = dir.resolve("completeness.json");
        json.writeValue(proofFile.toFile(), proof);
        Path auditKey = Files.writeString(dir.resolve("audit.pem"), audit.key.publicKeyPem());
        Path producerPem = Files.writeString(
                dir.resolve("producer.pem"),
                Keys.pem("PUBLIC KEY", producerKey.getPublic().getEncoded()));
        String[] args = {
            "completeness",
            "--key",
            auditKey.toString(),
            "--proof",
            proofFile.toString(),
            "--producer-key",
            producerPem.toString()
        };
        assertThat(OfflineVerifier.run(args, quiet())).isZero();

        Path otherPem = Files.writeString(
                dir.resolve("other.pem"),
                Keys.pem("PUBLIC KEY", ed25519().getPublic().getEncoded()));
        String[] wrongProducer = args.clone();
        wrongProducer[6] = otherPem.toString();
        assertThat(OfflineVerifier.run(wrongProducer, quiet()))
                .as("a statement not signed by the producer's key is refused offline too")
                .isEqualTo(1);

        ObjectNode tampered = (ObjectNode) json.readTree(proofFile.toFile());
        ((ObjectNode) tampered.get("positions").get(2)).put("eventId", "ev-forged");
        json.writeValue(proofFile.toFile(), tampered);
        assertThat(OfflineVerifier.run(args, quiet())).isEqualTo(1);
    }

    @Test
    void aWithheldEventIsPendingWithinTheGraceAndThenNamedByProducerPositionAndAggregate() {
        start();
        publish();
        logPositions(1, 2, 4, 5, 6); // position 3 (iv-1 sequence 1) withheld
        statements.receive("s-1", statement(6, producerKey));

        ProducerFinding pending = finding(ReaderScope.everything());
        assertThat(pending.status()).isEqualTo("PENDING");
        assertThat(pending.pendingPositions()).isEqualTo(1);
        assertThat(checker.check(ReaderScope.everything()).ok()).isTrue();

        clock.advance(Duration.ofSeconds(31));
        ProducerFinding missing = finding(ReaderScope.everything());
        assertThat(checker.check(ReaderScope.everything()).ok()).isFalse();
        assertThat(missing.status()).isEqualTo("MISSING");
        assertThat(missing.missingPositions()).containsExactly(3L);
        assertThat(missing.loggedSize()).isEqualTo(2);
        assertThat(missing.missingAggregates()).singleElement().satisfies(a -> {
            assertThat(a.aggregateId()).isEqualTo("iv-1");
            assertThat(a.whollyMissing()).isFalse();
            assertThat(a.missing()).containsExactly(new ProducerIndex.SequenceRange(1, 1));
        });
    }

    @Test
    void aWhollyWithheldAggregateIsNamedToItsJurisdictionAndCountedForOthers() {
        start();
        publish();
        logPositions(1, 2, 3, 4, 5); // iv-3 (position 6, fenghua) never arrives
        statements.receive("s-1", statement(6, producerKey));
        clock.advance(Duration.ofSeconds(31));

        ProducerFinding root = finding(ReaderScope.everything());
        assertThat(root.status()).isEqualTo("MISSING");
        assertThat(root.missingPositions()).as("the missing tail").containsExactly(6L);
        assertThat(root.missingAggregates()).singleElement().satisfies(a -> {
            assertThat(a.aggregateId()).isEqualTo("iv-3");
            assertThat(a.whollyMissing()).isTrue();
            assertThat(a.missing()).containsExactly(new ProducerIndex.SequenceRange(0, 0));
        });

        ReaderScope ningbo = new ReaderScope(false, Actor.Scope.JURISDICTION, Set.of("ningbo"), false, false);
        ProducerFinding below = finding(ningbo);
        assertThat(below.missingAggregates())
                .as("an aggregate of no known jurisdiction is the root's")
                .isEmpty();
        assertThat(below.missingAggregateCount()).isEqualTo(1);
        assertThat(below.aggregatesOutsideScope()).isEqualTo(1);
    }

    @Test
    void aMissingTailOfAKnownAggregateIsNamedWithItsSequenceRange() {
        start();
        publish();
        logPositions(1, 2, 3, 4); // iv-1 sequence 2 (position 5) and iv-3 lost at the tail
        statements.receive("s-1", statement(5, producerKey));
        clock.advance(Duration.ofSeconds(31));

        ProducerFinding finding = finding(ReaderScope.everything());
        assertThat(finding.status()).isEqualTo("MISSING");
        assertThat(finding.missingPositions()).containsExactly(5L);
        assertThat(finding.missingAggregates()).singleElement().satisfies(a -> {
            assertThat(a.aggregateId()).isEqualTo("iv-1");
            assertThat(a.statedHead()).isEqualTo(2);
            assertThat(a.missing()).containsExactly(new ProducerIndex.SequenceRange(2, 2));
        });
    }

    @Test
    void aStatementSignedWithAnotherKeyThanThePinnedOneIsRejectedAndNamed() {
        start();
        publish();
        logPositions(1, 2, 3, 4, 5, 6);
        assertThat(statements.receive("s-1", statement(6, producerKey)).verdict())
                .isEqualTo("ACCEPTED");
        clock.advance(Duration.ofSeconds(1));
        // a forger states a shorter stream (hiding the tail) with its own key, named as the producer's
        var forged = statements.receive("s-2", statement(4, ed25519()));
        assertThat(forged.verdict()).isEqualTo("FORGED");

        CompletenessReport report = checker.check(ReaderScope.everything());
        assertThat(report.ok()).isFalse();
        assertThat(report.forged()).singleElement().satisfies(f -> {
            assertThat(f.statementId()).isEqualTo("s-2");
            assertThat(f.producer()).isEqualTo(PRODUCER);
            assertThat(f.size()).isEqualTo(4);
        });
        ProducerFinding finding = finding(ReaderScope.everything());
        assertThat(finding.status()).isEqualTo("FORGED");
        assertThat(finding.statedSize())
                .as("the accepted statement still counts")
                .isEqualTo(6);

        ProducerStatement bad = statement(6, producerKey);
        ProducerStatement flipped = new ProducerStatement(
                bad.producer(), 7, bad.rootHash(), bad.time(), bad.heads(), bad.publicKey(), bad.signature());
        assertThat(statements.receive("s-3", flipped).verdict())
                .as("a changed field breaks the signature")
                .isEqualTo("FORGED");
    }

    @Test
    void positionsAndStatementsSurviveARestart() {
        start();
        publish();
        logPositions(1, 2, 4, 5, 6);
        statements.receive("s-1", statement(6, producerKey));
        clock.advance(Duration.ofSeconds(31));
        audit.restart();
        index = new ProducerIndex(audit.mongo);
        CompletenessProperties properties = CompletenessProperties.defaults();
        statements = new ProducerStatements(audit.mongo, properties, clock);
        checker = new CompletenessChecker(index, statements, audit.log, properties, clock);

        assertThat(finding(ReaderScope.everything()).missingPositions()).containsExactly(3L);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
