package io.sanjiaodi.systemtest.fault;

import io.sanjiaodi.platform.security.TestTokens;
import io.sanjiaodi.systemtest.fault.Cluster.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How the fault test starts a service instance: its runnable jar, as run.sh does, with this run's settings. */
final class ServiceProcess {

    private ServiceProcess() {}

    static ManagedProcess of(Node node, String java, int port, Cluster cluster, Path workDir)
            throws java.io.IOException {
        String service = node.first().name().toLowerCase() + "-service";
        String name = node == node.first() ? service : service + "-b";
        return new ManagedProcess(
                name,
                List.of(
                        java,
                        "-Xmx320m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-Daxoniq.update-checker.disabled=true",
                        "-jar",
                        Processes.jar(service).toAbsolutePath().toString(),
                        // the services trust the tests' token key (security contract: public-key-location)
                        TestTokens.publicKeyArgument(),
                        // for this run only (sanjiaodi-common.yml has 10 s and Kafka's 5 min): a pause
                        // of PAUSE_MILLIS outlasts the consumer session and the poll interval, so the
                        // broker evicts the paused consumer and it has to rejoin
                        "--spring.kafka.consumer.properties.session.timeout.ms=" + Cluster.SESSION_TIMEOUT_MS,
                        "--spring.kafka.consumer.properties.heartbeat.interval.ms=2000",
                        "--spring.kafka.consumer.properties.max.poll.interval.ms=" + Cluster.MAX_POLL_INTERVAL_MS),
                Map.of(
                        "PORT",
                        "" + port,
                        "KAFKA_BOOTSTRAP_SERVERS",
                        cluster.kafkaBootstrap(),
                        "POSTGRES_URL",
                        cluster.postgresUrl(),
                        // the driver's own connect timeout and half its server selection: right after a
                        // database restart every service reconnects and rescans at once, and a starting
                        // service that gave up after 3 s exited (soak, round 108)
                        "MONGODB_URI",
                        cluster.mongoUri() + "/?serverSelectionTimeoutMS=15000&connectTimeoutMS=10000",
                        "RECTIFICATION_SWEEPER_ENABLED",
                        "false"),
                workDir);
    }
}
