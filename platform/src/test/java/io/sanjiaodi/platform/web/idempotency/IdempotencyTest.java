package io.sanjiaodi.platform.web.idempotency;

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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Idempotency-Key through a real service start (PostgreSQL, security, the platform's filters): a
 * retry of the same request gets the first answer and runs nothing; another request under the same
 * key is 422; a 5xx is not kept; keys are per user; a request whose first run was abandoned runs
 * again under the same derived id, so it cannot create a second record.
 */
@SpringBootTest(
        classes = IdempotencyTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sanjiaodi.service-name=idempotency-test",
            "sanjiaodi.topics=idempotency.events",
            "spring.config.import=classpath:sanjiaodi-common.yml",
            "spring.mongodb.database=idempotency",
            "sanjiaodi.event-store.schema=idempotency",
            "spring.kafka.admin.auto-create=false"
        })
class IdempotencyTest {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
    static final String MONGO_URI = MONGO.bindAndGetConnectionString();
    static final AtomicInteger RUNS = new AtomicInteger();
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws IOException {
        BrokerlessStores.register(registry, MONGO_URI);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    HttpResponse<String> post(String path, String user, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.token(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header(IdempotencyFilter.HEADER, key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndRunsNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = RUNS.get();
        HttpResponse<String> first = post("/things", "office", key, "{\"name\":\"甲\"}");
        HttpResponse<String> again = post("/things", "office", key, "{\"name\":\"甲\"}");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue(IdempotencyFilter.REPLAYED)).hasValue("true");
        assertThat(first.headers().firstValue(IdempotencyFilter.REPLAYED)).isEmpty();
        assertThat(RUNS.get() - before).isEqualTo(1);
    }

    @Test
    void anotherRequestUnderTheSameKeyIsRefusedAndRunsNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        post("/things", "office", key, "{\"name\":\"甲\"}");
        int before = RUNS.get();
        HttpResponse<String> other = post("/things", "office", key, "{\"name\":\"乙\"}");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(post("/other-things", "office", key, "{\"name\":\"甲\"}").statusCode())
                .as("another path")
                .isEqualTo(422);
        assertThat(RUNS.get()).isEqualTo(before);
    }

    @Test
    void keysArePerUserAndRequestsWithoutAKeyAlwaysRun() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = RUNS.get();
        String mine = json(post("/things", "office", key, "{}")).path("id").asText();
        String theirs =
                json(post("/things", "unit-leader", key, "{}")).path("id").asText();
        assertThat(mine).isNotEqualTo(theirs);
        String a = json(post("/things", "office", null, "{}")).path("id").asText();
        String b = json(post("/things", "office", null, "{}")).path("id").asText();
        assertThat(a).isNotEqualTo(b);
        assertThat(RUNS.get() - before).isEqualTo(4);
    }

    @Test
    void aServerErrorIsNotKeptSoTheRetryRuns() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = RUNS.get();
        HttpResponse<String> failed = post("/failing-things", "office", key, "{}");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(json(failed).path("detail").asText()).contains("may or may not have been saved");
        assertThat(post("/failing-things", "office", key, "{}").statusCode()).isEqualTo(503);
        assertThat(RUNS.get() - before).isEqualTo(2);
    }

    @Test
    void aRequestWhoseFirstRunWasAbandonedRunsAgainUnderTheSameId() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = json(post("/things", "office", key, "{}")).path("id").asText();
        // as if the process had died after the command's commit, before the answer was recorded
        jdbc.update(
                "UPDATE idempotency.idempotency_keys SET state = 'RUNNING', claimed_at = now() - interval '2 minutes'"
                        + " WHERE key = ?",
                key);
        HttpResponse<String> again = post("/things", "office", key, "{}");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again).path("id").asText()).isEqualTo(first);
        assertThat(again.headers().firstValue(IdempotencyFilter.REPLAYED)).isEmpty();
    }

    @Test
    void aKeyStillRunningIsAConflictAndAMalformedKeyIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        jdbc.update(
                "INSERT INTO idempotency.idempotency_keys (owner, key, fingerprint, state, claimed_at)"
                        + " VALUES ('office', ?, ?, 'RUNNING', now())",
                key,
                fingerprintOf("{}"));
        HttpResponse<String> busy = post("/things", "office", key, "{}");
        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(json(busy).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_IN_PROGRESS");
        HttpResponse<String> bad = post("/things", "office", "x".repeat(256), "{}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
    }

    private String fingerprintOf(String body) {
        var request = new org.springframework.mock.web.MockHttpServletRequest("POST", "/things");
        return IdempotencyFilter.fingerprint(request, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @SpringBootApplication
    static class App {

        @RestController
        static class Things {

            @PostMapping({"/things", "/other-things"
            }) // outside /api: the platform's rules leave it open, a token still names the user
            @ResponseStatus(HttpStatus.CREATED)
            Map<String, Object> create(@RequestBody Map<String, Object> body) {
                return Map.of("id", IdempotencyKeys.derivedId("thing"), "run", RUNS.incrementAndGet());
            }

            @PostMapping("/failing-things")
            Map<String, Object> fail(@RequestBody Map<String, Object> body) {
                RUNS.incrementAndGet();
                throw new DataAccessResourceFailureException("the store went away");
            }
        }
    }
}
