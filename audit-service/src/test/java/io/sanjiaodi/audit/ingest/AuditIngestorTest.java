package io.sanjiaodi.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.AuditFixture;
import java.nio.file.Path;
import java.util.List;
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

    @BeforeEach
    void setUp() {
        audit = new AuditFixture(keys);
        ingestor = new AuditIngestor(
                audit.log,
                new io.sanjiaodi.audit.completeness.ProducerIndex(audit.mongo),
                io.sanjiaodi.audit.completeness.CompletenessProperties.defaults());
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
