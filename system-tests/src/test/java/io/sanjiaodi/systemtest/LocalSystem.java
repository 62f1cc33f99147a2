package io.sanjiaodi.systemtest;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A test class's own system: an in-process KRaft Kafka broker (topic auto-creation off), a
 * MongoDB-wire server, and the three services started against them.
 */
final class LocalSystem implements BeforeAllCallback, AfterAllCallback {

    private final String databasePrefix;
    private EmbeddedKafkaKraftBroker kafka;
    private MongoServer mongo;
    private RunningSystem system;

    LocalSystem(String databasePrefix) {
        this.databasePrefix = databasePrefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperty("auto.create.topics.enable", "false");
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        system = new RunningSystem(kafka.getBrokersAsString(), mongo.bindAndGetConnectionString(), databasePrefix)
                .startAll();
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
            kafka.destroy();
        }
    }

    RunningSystem services() {
        return system;
    }

    SystemProbe probe() {
        return new SystemProbe(system, new Http());
    }

    RawKafka kafka() {
        return new RawKafka(kafka.getBrokersAsString());
    }

    String kafkaBootstrap() {
        return kafka.getBrokersAsString();
    }

    String mongoUri() {
        return mongo.getConnectionString();
    }
}
