package io.sanjiaodi.systemtest.fault;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * devstack's DevKafka (a single KRaft broker and controller) with one difference: it advertises
 * the port of the test's {@link KafkaProxy} instead of its own, so every client, after the first
 * metadata answer too, talks to the broker through the proxy.
 *
 * <pre>java -cp ... ProxiedKafka PORT ADVERTISED_PORT DATA_DIR</pre>
 */
public final class ProxiedKafka {

    private ProxiedKafka() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int advertised = Integer.parseInt(args[1]);
        Path logDir = Path.of(args[2]).toAbsolutePath().resolve("logs");
        Files.createDirectories(logDir);
        Path configFile = logDir.getParent().resolve("server.properties");
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "localhost:" + (port + 1));
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + (port + 1));
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + advertised);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        try (OutputStream out = Files.newOutputStream(configFile)) {
            p.store(
                    out,
                    "written by the fault test on every start (DevKafka's settings, advertised through the proxy)");
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int rc = StorageTool.execute(
                    new String[] {
                        "format",
                        "--standalone",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        configFile.toString(),
                        "--ignore-formatted"
                    },
                    System.out);
            if (rc != 0) {
                throw new IllegalStateException("formatting " + logDir + " failed with exit code " + rc);
            }
        }
        Kafka.main(new String[] {configFile.toString()});
    }
}
