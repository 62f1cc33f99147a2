package io.sanjiaodi.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.platform.kafka.deadletter.DeadLetter;
import io.sanjiaodi.platform.kafka.deadletter.DeadLetterStore;
import io.sanjiaodi.platform.kafka.deadletter.DeadLetters;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.query.Query;

/** The ingestor and the log built from their constructors against a real MongoDB-wire server. */
class AuditIngestorTest {

    @TempDir
    Path keys;

    private AuditFixture audit;
    private AuditIngestor ingestor;
    private DeadLetterStore deadLetters;

    @BeforeEach
    void setUp() {
        audit = new AuditFixture(keys);
        deadLetters = new DeadLetterStore(audit.mongo);
        ingestor = new AuditIngestor(
                audit.log,
                new io.sanjiaodi.audit.completeness.ProducerIndex(audit.mongo),
                io.sanjiaodi.audit.completeness.CompletenessProperties.defaults(),
                new DeadLetters(deadLetters),
                io.sanjiaodi.audit.leader.WriterRole.ALWAYS);
    }

    @Test
    void onAStandbyABatchIsRefusedWholeForTheContainerToRetryAndNothingIsRecorded() {
        AuditIngestor standby = new AuditIngestor(
                audit.log,
                new io.sanjiaodi.audit.completeness.ProducerIndex(audit.mongo),
                io.sanjiaodi.audit.completeness.CompletenessProperties.defaults(),
                new DeadLetters(deadLetters),
                () -> false);
        ConsumerRecord<String, CloudEvent> garbage = new ConsumerRecord<>("interview.events", 0, 3, "iv-1", null);
        assertThatThrownBy(() -> standby.on(
                        List.of(Events.record(Events.event("a0", "iv-1", 0, "InterviewScheduled", "{}"), 2), garbage)))
                .isInstanceOf(io.sanjiaodi.audit.leader.WriterRole.NotTheWriter.class);
        assertThat(audit.mongo.findAll(AuditEntry.class)).isEmpty();
        assertThat(deadLetters.forKey(AuditIngestor.GROUP, "iv-1"))
                .as("not even the poison record is parked")
                .isEmpty();
    }

    @Test
    void aRecordThatIsNotACloudEventIsParkedWithTheLaterRecordsOfItsKeyAndTheRestIsRecorded() {
        ConsumerRecord<String, CloudEvent> garbage = new ConsumerRecord<>("interview.events", 0, 3, "iv-1", null);
        ingestor.on(List.of(
                Events.record(Events.event("a0", "iv-1", 0, "InterviewScheduled", "{}"), 2),
                garbage,
                Events.record(Events.event("a2", "iv-1", 2, "InterviewConducted", "{}"), 4),
                Events.record(Events.event("b0", "iv-2", 0, "InterviewScheduled", "{}"), 5)));

        assertThat(audit.mongo.findAll(AuditEntry.class))
                .extracting(AuditEntry::eventId)
                .containsExactlyInAnyOrder("a0", "b0");
        assertThat(deadLetters.forKey(AuditIngestor.GROUP, "iv-1"))
                .extracting(DeadLetter::offset, DeadLetter::reason)
                .containsExactly(tuple(3L, DeadLetter.FAILED), tuple(4L, DeadLetter.PARKED_BEHIND));
        assertThat(deadLetters.forKey(AuditIngestor.GROUP, "iv-1").get(0).error())
                .startsWith("IllegalArgumentException");
    }

    @Test
    void anEventWhoseDataIsNotAJsonObjectOrWhoseSequenceIsMalformedIsParkedNotLoopedOn() {
        CloudEvent array = Events.event("a0", "iv-1", 0, "InterviewScheduled", "[1, 2]");
        CloudEvent badSequence = io.cloudevents.core.builder.CloudEventBuilder.v1(
                        Events.event("b0", "iv-2", 0, "InterviewScheduled", "{}"))
                .withExtension("aggregatesequence", "zwei")
                .build();
        ingestor.on(List.of(
                Events.record(array, 1),
                Events.record(badSequence, 2),
                Events.record(Events.event("c0", "iv-3", 0, "InterviewScheduled", "{}"), 3)));

        assertThat(audit.mongo.findAll(AuditEntry.class))
                .extracting(AuditEntry::eventId)
                .containsExactly("c0");
        assertThat(deadLetters.all())
                .extracting(DeadLetter::eventId, DeadLetter::reason)
                .containsExactlyInAnyOrder(tuple("a0", DeadLetter.FAILED), tuple("b0", DeadLetter.FAILED));
    }

    @Test
    void aFailingAppendIsThrownForTheBatchToBeRetriedAndParksNothing() {
        audit.log.markBroken("test: the log refuses appends");
        List<ConsumerRecord<String, CloudEvent>> batch =
                List.of(Events.record(Events.event("a0", "iv-1", 0, "InterviewScheduled", "{}"), 1));
        assertThatThrownBy(() -> ingestor.on(batch)).isInstanceOf(IllegalStateException.class);
        assertThat(deadLetters.count()).as("not the record's fault").isZero();
    }

    @AfterEach
    void tearDown() {
        audit.close();
    }

    @Test
    void anEventIsRecordedWithItsEnvelopePayloadAndLogPosition() {
        ingestor.on(List.of(Events.record(
                Events.event(
                        "e-1",
                        "iv-1",
                        0,
                        "InterviewScheduled",
                        "{\"interviewId\":\"iv-1\",\"place\":\"谈话室\",\"interviewee\":{\"unitId\":\"u-1\",\"jurisdictionId\":\"nb\"}}"),
                7)));
        AuditEntry entry = audit.mongo.findById("e-1", AuditEntry.class);
        assertThat(entry).isNotNull();
        assertThat(entry.type()).isEqualTo("InterviewScheduled");
        assertThat(entry.aggregateId()).isEqualTo("iv-1");
        assertThat(entry.aggregateSequence()).isZero();
        assertThat(entry.correlationId()).isEqualTo("corr-e-1");
        assertThat(entry.offset()).isEqualTo(7);
        assertThat(entry.payload().getString("place")).isEqualTo("谈话室");
        assertThat(entry.logIndex()).isZero();
        assertThat(entry.unitId()).isEqualTo("u-1");
        assertThat(entry.jurisdictionId()).isEqualTo("nb");
        assertThat(entry.actor()).isNull();
        assertThat(entry.leafHash()).hasSize(64);
        assertThat(entry.prevLeafHash()).isEqualTo("0".repeat(64));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        ingestor.on(List.of(Events.record(Events.event("e-1", "iv-1", 0, "InterviewScheduled", "{}"), 7)));
        AuditEntry first = audit.mongo.findById("e-1", AuditEntry.class);
        ingestor.on(List.of(
                Events.record(Events.event("e-1", "iv-1", 0, "InterviewScheduled", "{}"), 12),
                Events.record(Events.event("e-1", "iv-1", 0, "InterviewScheduled", "{}"), 13)));
        assertThat(audit.mongo.count(new Query(), AuditEntry.class)).isEqualTo(1);
        assertThat(audit.mongo.findById("e-1", AuditEntry.class)).isEqualTo(first);
        assertThat(audit.log.tree().size()).isEqualTo(1);
    }

    @Test
    void eachEventLinksToThePreviousEventOfItsAggregate() {
        audit.log.append(
                List.of(Events.draft("a0", "iv-1", 0), Events.draft("b0", "iv-2", 0), Events.draft("a1", "iv-1", 1)));
        AuditEntry a0 = audit.mongo.findById("a0", AuditEntry.class);
        AuditEntry a1 = audit.mongo.findById("a1", AuditEntry.class);
        assertThat(a1.logIndex()).isEqualTo(2);
        assertThat(a1.prevLeafHash()).isEqualTo(a0.leafHash());
    }
}
