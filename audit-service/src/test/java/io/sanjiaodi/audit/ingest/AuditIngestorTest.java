package io.sanjiaodi.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The ingestor built from its constructor against a real MongoDB-wire server. */
class AuditIngestorTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private AuditIngestor ingestor;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "audit");
        ingestor = new AuditIngestor(mongo);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anEventIsRecordedWithItsEnvelopeAndPayload() {
        ingestor.on(record(event("e-1", "3"), 7));
        AuditEntry entry = mongo.findById("e-1", AuditEntry.class);
        assertThat(entry).isNotNull();
        assertThat(entry.type()).isEqualTo("InterviewConducted");
        assertThat(entry.aggregateId()).isEqualTo("iv-1");
        assertThat(entry.aggregateSequence()).isEqualTo(3L);
        assertThat(entry.correlationId()).isEqualTo("corr-1");
        assertThat(entry.offset()).isEqualTo(7);
        assertThat(entry.payload().getString("place")).isEqualTo("谈话室");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        ingestor.on(record(event("e-1", "3"), 7));
        AuditEntry first = mongo.findById("e-1", AuditEntry.class);
        ingestor.on(record(event("e-1", "3"), 12));
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), AuditEntry.class)).isEqualTo(1);
        assertThat(mongo.findById("e-1", AuditEntry.class)).isEqualTo(first);
    }

    private static CloudEvent event(String id, String sequence) {
        return CloudEventBuilder.v1().withId(id).withType("InterviewConducted")
                .withSource(URI.create("/sanjiaodi/interview-service")).withSubject("iv-1")
                .withTime(OffsetDateTime.parse("2018-11-15T09:00:00Z"))
                .withExtension("aggregatesequence", sequence).withExtension("correlationid", "corr-1")
                .withData("application/json", "{\"interviewId\":\"iv-1\",\"place\":\"谈话室\"}".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static ConsumerRecord<String, CloudEvent> record(CloudEvent event, long offset) {
        return new ConsumerRecord<>("interview.events", 0, offset, event.getSubject(), event);
    }
}
