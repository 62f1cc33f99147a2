package io.sanjiaodi.platform.kafka.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** Operators list dead letters without ever receiving the parked bytes. */
class DeadLetterControllerTest {

    private static final String SECRET = "实名举报，信访件 2018-042";

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final DeadLetterStore store = new DeadLetterStore(new MongoTemplate(client, "dead-letter-test"));
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new DeadLetterController(store, null))
            .build();

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theListNamesWhereALetterCameFromButCarriesNeitherItsValueNorItsHeaders() throws Exception {
        byte[] value = ("{\"confidentialSource\":\"" + SECRET + "\"}").getBytes(StandardCharsets.UTF_8);
        store.park(letter(value, "IllegalStateException: cannot apply " + SECRET + "\n\tat Handler.on"));

        String body = mvc.perform(get("/api/dead-letters"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].eventId").value("event-1"))
                .andExpect(jsonPath("$[0].valueBytes").value(value.length))
                .andExpect(jsonPath("$[0].error").value("IllegalStateException"))
                .andExpect(jsonPath("$[0].value").doesNotExist())
                .andExpect(jsonPath("$[0].headers").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).doesNotContain(SECRET).doesNotContain("Handler.on");
    }

    @Test
    void anErrorThatIsNotTypeColonMessageIsShownAsUnreadableRatherThanQuoted() {
        assertThat(DeadLetterSummary.errorType(SECRET)).isEqualTo("unreadable");
        assertThat(DeadLetterSummary.errorType("DeserializationException")).isEqualTo("DeserializationException");
        assertThat(DeadLetterSummary.errorType(null)).isNull();
    }

    private static DeadLetter letter(byte[] value, String error) {
        return new DeadLetter(
                DeadLetter.idOf("group", "interview.events", 0, 7),
                "group",
                "interview.events",
                0,
                7,
                "interview-1",
                "event-1",
                "InterviewConducted",
                DeadLetter.FAILED,
                error,
                Instant.parse("2026-12-01T08:00:00Z"),
                Map.of("ce_source", SECRET.getBytes(StandardCharsets.UTF_8)),
                value);
    }
}
