package io.sanjiaodi.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.sanjiaodi.platform.security.TestTokens;
import io.sanjiaodi.platform.testing.BrokerlessStores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness says whether the service can take commands: its event store and its read models. The
 * event store is the outbox, so a broker outage must not take a service out of a load balancer's
 * rotation (writes would stop for nothing); Kafka's state is in health, where operators see it.
 */
@SpringBootTest(
        classes = ReadinessTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sanjiaodi.service-name=readiness-test",
            "sanjiaodi.topics=readiness.events",
            "spring.config.import=classpath:sanjiaodi-common.yml",
            "spring.mongodb.database=readiness",
            "sanjiaodi.event-store.schema=readiness",
            // creating the topics would hold the start-up for the admin client's timeout: not what is tested
            "spring.kafka.admin.auto-create=false"
        })
class ReadinessTest {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
    static final String MONGO_URI = MONGO.bindAndGetConnectionString();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws IOException {
        BrokerlessStores.register(registry, MONGO_URI);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @Test
    void aBrokerOutageShowsInHealthButLeavesTheServiceReadyForCommands() throws Exception {
        JsonNode health = get("/actuator/health");
        assertThat(health.at("/components/kafka/status").asText()).isEqualTo("DOWN");

        JsonNode readiness = get("/actuator/health/readiness");
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.get("components").properties())
                .extracting(e -> e.getKey())
                .contains("db", "mongo")
                .doesNotContain("kafka");
    }

    /** Status codes for load balancers and probes: a DOWN component is 503, not 200 with DOWN in the body. */
    @Test
    void healthWithAComponentDownAnswers503WhileReadinessAnswers200() throws Exception {
        assertThat(status("/actuator/health")).as("kafka is DOWN").isEqualTo(503);
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);
    }

    private int status(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /**
     * Health is open (load balancers, the run script), but its details name aggregates, stores and
     * what broke: each component's status for everyone, the details only for operators and auditors.
     */
    @Test
    void anyoneSeesEachComponentsStatusButOnlyAdminsAndAuditorsSeeTheDetails() throws Exception {
        JsonNode anonymous = get("/actuator/health");
        assertThat(anonymous.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(anonymous.at("/components/db/details").isMissingNode()).isTrue();
        assertThat(get("/actuator/health", TestTokens.token("office"))
                        .at("/components/db/details")
                        .isMissingNode())
                .isTrue();

        for (String role : new String[] {"admin", "auditor"}) {
            JsonNode operator = get("/actuator/health", TestTokens.token(role));
            assertThat(operator.at("/components/db/details/database").asText())
                    .as(role)
                    .isEqualTo("PostgreSQL");
        }
    }

    private JsonNode get(String path) throws Exception {
        return get(path, null);
    }

    private JsonNode get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    @SpringBootApplication
    static class App {}
}
