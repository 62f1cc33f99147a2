package io.sanjiaodi.audit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.sanjiaodi.devstack.DevPostgres;
import io.sanjiaodi.devstack.InProcessKafka;
import io.sanjiaodi.platform.ServiceLauncher;
import io.sanjiaodi.platform.security.TestTokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole audit-service for a test: a real broker (the interview and rectification topics), a
 * MongoDB-wire store, the shared PostgreSQL in its own schema, a signing key in {@code keys}, a
 * checkpoint every 200 ms and the tests' token key; {@code extra} adds or overrides settings.
 */
public record RunningAudit(InProcessKafka kafka, MongoServer mongo, ConfigurableApplicationContext service)
        implements AutoCloseable {

    public static RunningAudit start(String schema, Path keys, String... extra) {
        InProcessKafka kafka = InProcessKafka.start(3, "interview.events", "rectification.events");
        MongoServer mongo = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.mongodb.uri=" + mongo.bindAndGetConnectionString(),
                "--spring.datasource.url=" + DevPostgres.shared().jdbcUrl(),
                "--sanjiaodi.event-store.schema=" + schema,
                "--audit.signing-key-file=" + keys.resolve("k.pk8"),
                "--audit.checkpoint-interval-millis=200",
                TestTokens.publicKeyArgument()));
        args.addAll(List.of(extra));
        ConfigurableApplicationContext service = ServiceLauncher.run(
                AuditServiceApplication.class, AuditServiceApplication.NAME, args.toArray(String[]::new));
        return new RunningAudit(kafka, mongo, service);
    }

    public String url() {
        return "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        service.close();
        mongo.shutdownNow();
        kafka.close();
    }
}
