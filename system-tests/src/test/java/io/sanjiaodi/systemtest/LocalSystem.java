package io.sanjiaodi.systemtest;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.sanjiaodi.devstack.DevPostgres;
import io.sanjiaodi.devstack.InProcessKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own system: an in-process KRaft Kafka broker (topic auto-creation off), a
 * MongoDB-wire server, the test JVM's PostgreSQL server (its own schemas), and the three services
 * started against them; with {@link #withAuthServer()}
 * also the auth server, its key in a temporary {@code <data>/auth}, every demo user with one random password.
 */
final class LocalSystem implements BeforeAllCallback, AfterAllCallback {

    private final String databasePrefix;
    private InProcessKafka kafka;
    private MongoServer mongo;
    private RunningSystem system;
    private boolean authServer;

    LocalSystem(String databasePrefix) {
        this.databasePrefix = databasePrefix;
    }

    LocalSystem withAuthServer() {
        authServer = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        kafka = InProcessKafka.start(3);
        mongo = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        system = new RunningSystem(
                kafka.bootstrapServers(),
                DevPostgres.shared().jdbcUrl(),
                mongo.bindAndGetConnectionString(),
                databasePrefix);
        if (authServer) {
            system.withAuthServer(
                    Files.createTempDirectory("sanjiaodi-data"),
                    UUID.randomUUID().toString());
        }
        system.startAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (system != null) {
            system.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (kafka != null) {
            kafka.close();
        }
        assertNoAxonJanitor();
    }

    /**
     * Axon 4.13.0's handler-timeout janitor outlives the services, and where the thread that first
     * needs it is not a daemon (a service's own processors) neither is the janitor: the stopped
     * service's JVM would never exit. {@code axon.timeout.enabled=false} keeps it from starting.
     */
    private static void assertNoAxonJanitor() {
        List<String> janitors = Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("axon-janitor"))
                .toList();
        if (!janitors.isEmpty()) {
            throw new IllegalStateException("Axon's handler-timeout janitor outlives the services: " + janitors);
        }
    }

    RunningSystem services() {
        return system;
    }

    SystemProbe probe() {
        return new SystemProbe(system, new Http());
    }

    RawKafka kafka() {
        return new RawKafka(kafka.bootstrapServers());
    }

    String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** A service's event store, read directly ({@code interview}, {@code rectification}, {@code audit}). */
    StoredEvents storedEvents(String service) {
        return new StoredEvents(DevPostgres.shared(), databasePrefix + service);
    }

    String mongoUri() {
        return mongo.getConnectionString();
    }
}
