package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanjiaodi.contracts.TraceParent;
import io.sanjiaodi.systemtest.RunningSystem.Service;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The thin slice over a real (in-process KRaft) Kafka broker and a MongoDB-wire server: the three
 * services talk only through Kafka, and only their HTTP APIs are used here.
 */
class EndToEndSystemTest {

    @RegisterExtension
    static final LocalSystem LOCAL = new LocalSystem("e2e_");

    private static RunningSystem system;
    private static SystemProbe probe;
    private static RawKafka raw;

    @BeforeAll
    static void connect() {
        system = LOCAL.services();
        probe = LOCAL.probe();
        raw = LOCAL.kafka();
    }

    @Test
    void aConductedInterviewOpensALedgerAndBothEventsReachTheAuditTrail() {
        probe.conductedInterviewReachesEveryService("市交通局");
    }

    @Test
    void topicsExistFromStartUpWithoutAutoCreation() {
        assertThat(raw.topics()).contains("interview.events", "rectification.events");
    }

    @Test
    void everyServiceReportsKafkaAndMongoInItsHealthAndPublishesAnOpenApiDocument() {
        for (Service service : Service.values()) {
            JsonNode health = probe.get(service, "/actuator/health");
            assertThat(health.at("/components/kafka/status").asText())
                    .as(service.name)
                    .isEqualTo("UP");
            assertThat(health.at("/components/mongo/status").asText())
                    .as(service.name)
                    .isEqualTo("UP");
            assertThat(probe.get(service, "/actuator/health/readiness")
                            .get("status")
                            .asText())
                    .isEqualTo("UP");
            JsonNode openApi = probe.get(service, "/v3/api-docs");
            assertThat(openApi.get("openapi").asText()).startsWith("3.");
            assertThat(openApi.at("/info/title").asText()).startsWith(service.name);
            assertThat(openApi.get("paths").size()).as(service.name).isPositive();
        }
    }

    @Test
    void publishedRecordsCarryTheCloudEventsEnvelope() {
        String interviewId = probe.flow().scheduleWithListsAndConduct("余姚市人民医院");
        List<ConsumerRecord<String, byte[]>> records = raw.recordsOf("interview.events", interviewId, 5);
        ConsumerRecord<String, byte[]> conducted = records.get(4);
        Map<String, String> headers = headers(conducted);
        assertThat(headers)
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "InterviewConducted")
                .containsEntry("ce_source", "/sanjiaodi/interview-service")
                .containsEntry("ce_subject", interviewId)
                .containsEntry("ce_aggregatesequence", "4")
                .containsEntry("ce_aggregatetype", "Interview")
                .containsEntry("ce_eventrevision", "2") // InterviewConducted since sealed sources and listsHash v2
                .containsKeys("ce_id", "ce_time", "ce_correlationid");
        assertThat(new String(conducted.value(), StandardCharsets.UTF_8)).contains("\"interviewId\":\"" + interviewId);
        await().atMost(SystemProbe.WITHIN)
                .untilAsserted(() -> assertThat(probe.get(Service.AUDIT, "/api/audit/events/" + headers.get("ce_id"))
                                .get("type")
                                .asText())
                        .isEqualTo("InterviewConducted"));
    }

    /**
     * One trace id from the conduct request to the audit entries of both services' events: the
     * request's span goes into the command, onto InterviewConducted and its record; rectification-
     * service handles the record in a span of the same trace, so the ledger it opens is in it too.
     */
    @Test
    void oneTraceIdFollowsAConductedInterviewFromItsRequestThroughBothServicesToTheAuditTrail() {
        java.util.Random random = new java.util.Random();
        String traceId = java.util.HexFormat.of().formatHex(randomBytes(random, 16));
        // flags 00: not sampled, as most requests are (Boot samples 10 %); the trace id travels all the same
        String traceparent = "00-" + traceId + "-" + java.util.HexFormat.of().formatHex(randomBytes(random, 8)) + "-00";
        InterviewFlow flow = probe.flow();
        String interviewId = flow.scheduleWithLists("象山县港航管理局");
        Http.Response conducted = flow.conductTraced(interviewId, traceparent);
        assertThat(conducted.status()).as("%s", conducted.body()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> records = raw.recordsOf("interview.events", interviewId, 5);
        Map<String, String> conductedHeaders = headers(records.get(4));
        assertThat(TraceParent.traceId(conductedHeaders.get("ce_traceparent"))).isEqualTo(traceId);
        assertThat(TraceParent.traceId(conductedHeaders.get("traceparent"))).isEqualTo(traceId);
        assertThat(TraceParent.traceId(headers(records.get(0)).get("ce_traceparent")))
                .as("the scheduling was another request, another trace")
                .isNotNull()
                .isNotEqualTo(traceId);

        String ledgerId = await().atMost(SystemProbe.WITHIN)
                .until(() -> probe.ledgerOf(interviewId), l -> l != null)
                .get("ledgerId")
                .asText();
        Map<String, String> openedHeaders =
                headers(raw.recordsOf("rectification.events", ledgerId, 1).get(0));
        assertThat(openedHeaders).containsEntry("ce_type", "RectificationOpened");
        assertThat(TraceParent.traceId(openedHeaders.get("ce_traceparent")))
                .as("rectification-service opened the ledger within the request's trace")
                .isEqualTo(traceId);
        for (String eventId : List.of(conductedHeaders.get("ce_id"), openedHeaders.get("ce_id"))) {
            await().atMost(SystemProbe.WITHIN)
                    .untilAsserted(() -> assertThat(probe.get(Service.AUDIT, "/api/audit/events/" + eventId)
                                    .path("traceId")
                                    .asText())
                            .isEqualTo(traceId));
        }
    }

    private static byte[] randomBytes(java.util.Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        bytes[0] |= 1; // never all zeros
        return bytes;
    }

    @Test
    void aRedeliveredInterviewConductedOpensNoSecondLedgerAndNoSecondAuditEntry() {
        String interviewId = probe.conductedInterviewReachesEveryService("奉化区妇联");
        ConsumerRecord<String, byte[]> conducted =
                raw.recordsOf("interview.events", interviewId, 5).get(4);
        long redeliveredAt = raw.resend("interview.events", conducted);

        await().atMost(SystemProbe.WITHIN)
                .until(() -> raw.committedPast(
                                "rectification-service", "interview.events", conducted.partition(), redeliveredAt)
                        && raw.committedPast(
                                "audit-service", "interview.events", conducted.partition(), redeliveredAt));
        assertThat(probe.ledgerCount(interviewId)).isEqualTo(1);
        assertThat(probe.auditTypes(interviewId)).hasSize(5);
        String ledgerId = probe.ledgerOf(interviewId).get("ledgerId").asText();
        assertThat(probe.auditTypes(ledgerId)).containsExactly("RectificationOpened");
    }

    /**
     * The consumers are stopped and started again while interviews keep streaming in: a writer thread
     * conducts twelve interviews without pause, and rectification-service, then audit-service, is
     * restarted while it runs — with records in flight, unacknowledged offsets and a relay mid-batch.
     * The stops are graceful (in process); kill -9 of whole processes is FaultInjectionIT's.
     */
    @Test
    void restartingConsumersWhileInterviewsStreamInLosesAndDuplicatesNothing() throws Exception {
        InterviewFlow flow = probe.flow();
        int total = 16;
        List<String> interviews = new CopyOnWriteArrayList<>();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                interviews.add(flow.scheduleWithListsAndConduct("单位" + i));
                pause(150);
            }
        });
        writer.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> interviews.size() >= 3);
        assertThat(writer.isAlive())
                .as("the writer is still conducting interviews")
                .isTrue();
        system.restart(Service.RECTIFICATION);
        int afterFirstRestart = interviews.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> interviews.size() >= Math.min(total, afterFirstRestart + 2));
        system.restart(Service.AUDIT);
        writer.join(Duration.ofSeconds(120).toMillis());
        assertThat(interviews).hasSize(total);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String interviewId : interviews) {
                JsonNode ledger = probe.ledgerOf(interviewId);
                assertThat(ledger).as("ledger of %s", interviewId).isNotNull();
                assertThat(probe.auditTypes(interviewId)).hasSize(5);
                assertThat(probe.auditEntries(ledger.get("ledgerId").asText())).hasSize(1);
            }
        });
        for (String interviewId : interviews) {
            List<Long> sequences = probe.auditEntries(interviewId).stream()
                    .map(e -> e.get("aggregateSequence").asLong())
                    .toList();
            assertThat(sequences)
                    .as("every event of %s exactly once", interviewId)
                    .containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(probe.ledgerCount(interviewId)).isEqualTo(1);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
