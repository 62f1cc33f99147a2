package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.audit.verify.OfflineVerifier;
import io.sanjiaodi.devstack.DemoData;
import io.sanjiaodi.devstack.DevPostgres;
import io.sanjiaodi.systemtest.RunningSystem.Service;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Producer statements over the real broker: after the five scenarios every producer's latest
 * statement covers its whole event store and the audit log holds all of it (health UP, verify
 * reports nothing missing, the completeness proof verifies offline); an event withheld at
 * ingestion (audit-service's test hook, the aggregate's last event, which per-aggregate gap
 * detection cannot see) is then named as missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProducerCompletenessSystemTest {

    static {
        // read by audit-service only; set before the extension starts the services, cleared after
        System.setProperty("audit.completeness.withhold-types", "InterviewCancelled");
        System.setProperty("audit.completeness.grace", "3s");
        System.setProperty("sanjiaodi.statements.interval", "1s");
    }

    @RegisterExtension
    static final LocalSystem LOCAL = new LocalSystem("pc_");

    static final ObjectMapper JSON = new ObjectMapper();
    private static RunningSystem system;
    private static SystemProbe probe;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        system = LOCAL.services();
        probe = LOCAL.probe();
    }

    @AfterAll
    static void clear() {
        System.clearProperty("audit.completeness.withhold-types");
        System.clearProperty("audit.completeness.grace");
        System.clearProperty("sanjiaodi.statements.interval");
    }

    @Test
    @Order(1)
    void afterTheScenariosEveryProducersLatestStatementIsCompleteInTheLogAndItsProofVerifiesOffline() throws Exception {
        new DemoData(system.url(Service.INTERVIEW), Http.SIGNER).loadIfEmpty();
        for (String producer : new String[] {"interview", "rectification"}) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode finding = finding(verify(), producer + "-service");
                assertThat(finding).as("%s stated", producer).isNotNull();
                assertThat(finding.get("statedSize").asLong()).isEqualTo(storedEvents(producer));
                assertThat(finding.get("status").asText()).isEqualTo("COMPLETE");
            });
        }
        assertThat(verify().at("/producerCompleteness/ok").asBoolean()).isTrue();
        Http.Response health = Http.anonymous().get(system.url(Service.AUDIT) + "/actuator/health");
        assertThat(health.body().at("/components/producerCompleteness/status").asText())
                .isEqualTo("UP");

        Thread.sleep(3000); // a checkpoint covering every stated event is signed
        Http.Response proof = Http.as("auditor")
                .get(system.url(Service.AUDIT) + "/api/audit/completeness?producer=interview-service");
        assertThat(proof.status()).as("proof %s", proof.body()).isEqualTo(200);
        Path proofFile = Files.writeString(dir.resolve("completeness.json"), JSON.writeValueAsString(proof.body()));
        Path auditKey = Files.writeString(dir.resolve("audit.pem"), text(Service.AUDIT, "/api/audit/public-key"));
        Path producerKey =
                Files.writeString(dir.resolve("producer.pem"), text(Service.INTERVIEW, "/api/producer/public-key"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = OfflineVerifier.run(
                new String[] {
                    "completeness",
                    "--key",
                    auditKey.toString(),
                    "--proof",
                    proofFile.toString(),
                    "--producer-key",
                    producerKey.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    @Order(2)
    void anEventWithheldAtIngestionIsNamedAsMissingByProducerPositionAndAggregate() {
        String interview = probe.flow().schedule("完整性测试单位");
        Http.Response cancelled = new Http()
                .post(
                        system.url(Service.INTERVIEW) + "/api/interviews/" + interview + "/cancel",
                        "{\"reason\":\"干部调整\"}");
        assertThat(cancelled.status()).as("cancel %s", cancelled.body()).isLessThan(300);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode finding = finding(verify(), "interview-service");
            assertThat(finding.get("status").asText()).isEqualTo("MISSING");
            assertThat(finding.get("missingPositions")).hasSize(1);
            assertThat(finding.get("missingAggregates").findValuesAsText("aggregateId"))
                    .containsExactly(interview);
        });
        assertThat(verify().at("/producerCompleteness/ok").asBoolean()).isFalse();
        Http.Response health = Http.anonymous().get(system.url(Service.AUDIT) + "/actuator/health");
        assertThat(health.body().at("/components/producerCompleteness/status").asText())
                .isEqualTo("DOWN");
    }

    private static JsonNode verify() {
        Http.Response verified = Http.as("auditor").post(system.url(Service.AUDIT) + "/api/audit/verify", "{}");
        assertThat(verified.status()).isEqualTo(200);
        return verified.body();
    }

    private static JsonNode finding(JsonNode report, String producer) {
        for (JsonNode f : report.at("/producerCompleteness/producers")) {
            if (f.get("producer").asText().equals(producer)) {
                return f;
            }
        }
        return null;
    }

    private static long storedEvents(String service) throws Exception {
        try (Connection c = DevPostgres.shared().dataSource("pc_" + service).getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Service service, String path) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        return client.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(system.url(service) + path))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
