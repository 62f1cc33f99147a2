package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.sanjiaodi.systemtest.RunningSystem.Service;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The thin slice over a real (in-process KRaft) Kafka broker and a MongoDB-wire server: the three
 * services talk only through Kafka, and only their HTTP APIs are used here.
 */
class EndToEndSystemTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;
    private static RunningSystem system;
    private static final Http http = new Http();

    @BeforeAll
    static void startSystem() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperty("auto.create.topics.enable", "false");
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        String mongoUri = mongo.bindAndGetConnectionString();
        system = new RunningSystem(kafka.getBrokersAsString(), mongoUri, "e2e_").startAll();
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    void aConductedInterviewOpensALedgerAndBothEventsReachTheAuditTrail() {
        String interviewId = flow().scheduleWithListsAndConduct("市交通局");

        JsonNode ledger = await().atMost(WITHIN).until(() -> ledgerOf(interviewId), l -> l != null);
        assertThat(ledger.get("unitName").asText()).isEqualTo("市交通局");
        assertThat(ledger.get("tasks")).hasSize(3);
        assertThat(ledger.get("tasks").findValuesAsText("kind"))
                .containsExactlyInAnyOrder("DUTY", "PROBLEM_RECTIFICATION", "RISK_PREVENTION");

        String ledgerId = ledger.get("ledgerId").asText();
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(auditTypes(interviewId)).containsExactly(
                    "InterviewScheduled", "ListItemAdded", "ListItemAdded", "ListItemAdded", "InterviewConducted");
            assertThat(auditTypes(ledgerId)).containsExactly("RectificationOpened");
        });
        JsonNode interview = http.get(system.url(Service.INTERVIEW) + "/api/interviews/" + interviewId).body();
        assertThat(interview.get("status").asText()).isEqualTo("CONDUCTED");
        assertThat(interview.get("listsHash").asText()).hasSize(64);
    }

    @Test
    void publishedRecordsCarryTheCloudEventsEnvelope() {
        String interviewId = flow().scheduleWithListsAndConduct("余姚市人民医院");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer()) {
            consumer.subscribe(List.of("interview.events"));
            await().atMost(WITHIN).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (interviewId.equals(r.key())) {
                        records.add(r);
                    }
                });
                return records.size() >= 5;
            });
        }
        ConsumerRecord<String, byte[]> conducted = records.get(4);
        Map<String, String> headers = headers(conducted);
        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "InterviewConducted")
                .containsEntry("ce_source", "/sanjiaodi/interview-service")
                .containsEntry("ce_subject", interviewId)
                .containsEntry("ce_aggregatesequence", "4")
                .containsEntry("ce_aggregatetype", "Interview")
                .containsEntry("ce_eventrevision", "1")
                .containsKeys("ce_id", "ce_time", "ce_correlationid");
        assertThat(new String(conducted.value(), StandardCharsets.UTF_8)).contains("\"interviewId\":\"" + interviewId);
        JsonNode audited = http.get(system.url(Service.AUDIT) + "/api/audit/events/" + headers.get("ce_id")).body();
        assertThat(audited.get("type").asText()).isEqualTo("InterviewConducted");
    }

    @Test
    void restartingServicesMidStreamLosesAndDuplicatesNothing() {
        InterviewFlow flow = flow();
        List<String> interviews = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            if (i == 4) {
                system.restart(Service.RECTIFICATION);
            }
            if (i == 8) {
                system.restart(Service.AUDIT);
            }
            interviews.add(flow.scheduleWithListsAndConduct("单位" + i));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String interviewId : interviews) {
                JsonNode ledger = ledgerOf(interviewId);
                assertThat(ledger).as("ledger of %s", interviewId).isNotNull();
                assertThat(auditTypes(interviewId)).hasSize(5);
                assertThat(auditEntries(ledger.get("ledgerId").asText())).singleElement()
                        .satisfies(e -> assertThat(e.get("aggregateSequence").asLong()).isZero());
            }
        });
        for (String interviewId : interviews) {
            List<Long> sequences = auditEntries(interviewId).stream().map(e -> e.get("aggregateSequence").asLong()).toList();
            assertThat(sequences).as("every event of %s exactly once", interviewId).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(http.get(system.url(Service.RECTIFICATION) + "/api/ledgers?interviewId=" + interviewId).body())
                    .hasSize(1);
        }
    }

    private InterviewFlow flow() {
        return new InterviewFlow(http, system.url(Service.INTERVIEW));
    }

    private JsonNode ledgerOf(String interviewId) {
        JsonNode ledgers = http.get(system.url(Service.RECTIFICATION) + "/api/ledgers?interviewId=" + interviewId).body();
        return ledgers != null && ledgers.size() > 0 ? ledgers.get(0) : null;
    }

    private List<JsonNode> auditEntries(String aggregateId) {
        List<JsonNode> entries = new ArrayList<>();
        http.get(system.url(Service.AUDIT) + "/api/audit/events?size=500&aggregateId=" + aggregateId).body()
                .forEach(entries::add);
        entries.sort((a, b) -> Long.compare(a.get("aggregateSequence").asLong(), b.get("aggregateSequence").asLong()));
        return entries;
    }

    private List<String> auditTypes(String aggregateId) {
        return auditEntries(aggregateId).stream().map(e -> e.get("type").asText()).toList();
    }

    private static KafkaConsumer<String, byte[]> rawConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "envelope-check-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
