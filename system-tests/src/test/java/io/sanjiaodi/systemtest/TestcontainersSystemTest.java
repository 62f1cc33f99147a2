package io.sanjiaodi.systemtest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same slice on the official images (postgres:17, real MongoDB, apache/kafka). Runs where a Docker engine
 * exists and is skipped cleanly elsewhere; the embedded-broker test above is the proof that runs everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersSystemTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.3.1");

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17").withDatabaseName("sanjiaodi");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private static RunningSystem system;

    @BeforeAll
    static void startServices() {
        system = new RunningSystem(
                        KAFKA.getBootstrapServers(), POSTGRES.getJdbcUrl(), MONGO.getConnectionString(), "tc_")
                .withDatabaseUser(POSTGRES.getUsername(), POSTGRES.getPassword())
                .startAll();
    }

    @AfterAll
    static void stopServices() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aConductedInterviewReachesEveryServiceOnRealPostgresMongoDbAndKafka() {
        new SystemProbe(system, new Http()).conductedInterviewReachesEveryService("江北区公共项目建设管理中心");
    }
}
