package io.sanjiaodi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.sanjiaodi.contracts.security.AccessDenied;
import io.sanjiaodi.devstack.DevPostgres;
import io.sanjiaodi.devstack.InProcessKafka;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A flood of refused requests against a service's real security chain and its real PostgreSQL
 * event store (the outbox of the permanent audit trail): requests without a valid token add
 * nothing to the store, and one actor's forbidden requests add at most two events per window.
 * The endpoint is the platform's own {@code GET /api/dead-letters} (ADMIN and AUDITOR only).
 */
@SpringBootTest(
        classes = DenialFloodTest.App.class,
        properties = {
            "sanjiaodi.service-name=denial-test",
            "sanjiaodi.topics=denial.events",
            "sanjiaodi.partitions=1",
            "spring.config.import=classpath:sanjiaodi-common.yml",
            "spring.mongodb.database=denials",
            "sanjiaodi.event-store.schema=denial_flood"
        })
class DenialFloodTest {

    static final int FLOOD = 10_000;
    static final MongoServer MONGO = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
    static final String MONGO_URI = MONGO.bindAndGetConnectionString();
    static final InProcessKafka KAFKA = InProcessKafka.start(1);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.datasource.url", () -> DevPostgres.shared().jdbcUrl());
        registry.add(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens::publicKeyLocation);
    }

    @AfterAll
    static void stop() {
        MONGO.shutdownNow();
        KAFKA.close();
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    EventStorageEngine storage;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DenialFlusher flusher;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Test
    void tenThousandGarbageTokensAddNothingToTheEventStoreAndAreCounted() throws Exception {
        long before = denials().size();
        for (int n = 0; n < FLOOD; n++) {
            mvc.perform(get("/api/dead-letters").header("Authorization", "Bearer x" + n))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/dead-letters")).andExpect(status().isUnauthorized());
        flusher.stop();
        flusher.start();

        assertThat(denials()).hasSize((int) before);
        assertThat(meters.counter(DenialRecorder.UNAUTHENTICATED, "code", "TOKEN_INVALID")
                        .count())
                .isGreaterThanOrEqualTo(FLOOD);
        assertThat(meters.counter(DenialRecorder.UNAUTHENTICATED, "code", "AUTHENTICATION_REQUIRED")
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void tenThousandForbiddenRequestsOfOneActorInOneWindowAreAtMostTwoEventsThatCountThemAll() throws Exception {
        String token = TestTokens.bearer(TestTokens.token("unit-staff"));
        int before = denials().size();
        for (int n = 0; n < FLOOD; n++) {
            mvc.perform(get("/api/dead-letters").header("Authorization", token)).andExpect(status().isForbidden());
        }
        List<AccessDenied> atOnce = denials().subList(before, denials().size());
        assertThat(atOnce).singleElement().satisfies(first -> {
            assertThat(first.occurrences()).isEqualTo(1);
            assertThat(first.windowEnd()).isNull();
        });

        // the window is a minute: shutting down records what it counted so far
        flusher.stop();
        flusher.start();

        List<AccessDenied> recorded = denials().subList(before, denials().size());
        assertThat(recorded).hasSize(2).allSatisfy(d -> {
            assertThat(d.userId()).isEqualTo("unit-staff");
            assertThat(d.path()).isEqualTo("/api/dead-letters");
            assertThat(d.code()).isEqualTo("ACCESS_DENIED");
            assertThat(d.status()).isEqualTo(403);
        });
        assertThat(recorded.stream().mapToInt(AccessDenied::occurrences).sum()).isEqualTo(FLOOD);
        assertThat(recorded.get(1).windowEnd()).isNotNull();
    }

    private List<AccessDenied> denials() {
        // not blocking: the stream ends at the last stored event
        return storage.readEvents(null, false)
                .map(m -> (Object) m.getPayload())
                .filter(AccessDenied.class::isInstance)
                .map(AccessDenied.class::cast)
                .toList();
    }

    @SpringBootApplication
    static class App {}
}
