package io.sanjiaodi.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process),
 * started from the Kafka jars on Maven Central. The first start formats the log directory; later
 * starts find the data of the earlier ones.
 *
 * <pre>java -cp ... io.sanjiaodi.devstack.DevKafka [--port 9092] [--advertised-port PORT] [--data data/kafka]</pre>
 */
public final class DevKafka {

    private DevKafka() {}

    public static void main(String[] args) throws IOException {
        Args options = new Args(args);
        int port = options.intValue("--port", 9092);
        // the port clients are told to connect to: another than the broker's own only behind a proxy
        // (the fault-injection test's, which drops, delays and holds connections)
        int advertisedPort = options.intValue("--advertised-port", port);
        Path dataDir = Path.of(options.value("--data", "data/kafka")).toAbsolutePath();
        Path logDir = dataDir.resolve("logs");
        Files.createDirectories(logDir);
        Path configFile = dataDir.resolve("server.properties");
        Properties config = config(port, port + 1, logDir);
        config.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + advertisedPort);
        writeConfig(configFile, config);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(configFile);
        }
        Kafka.main(new String[] {configFile.toString()});
    }

    /** Written anew on every start: the file is the broker's configuration, never edited by hand. */
    static void writeConfig(Path file, Properties config) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "written by devstack on every start");
        }
    }

    /** Formats a new log directory for the configuration in {@code file} (a fresh cluster id). */
    static void format(Path file) {
        int rc = StorageTool.execute(
                new String[] {
                    "format",
                    "--standalone",
                    "-t",
                    Uuid.randomUuid().toString(),
                    "-c",
                    file.toString(),
                    "--ignore-formatted"
                },
                System.out);
        if (rc != 0) {
            throw new IllegalStateException("formatting the log directory of " + file + " failed with exit code " + rc);
        }
    }

    static Properties config(int port, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Services create their topics at start-up; a typo must not silently create a new topic.
        p.setProperty("auto.create.topics.enable", "false");
        return p;
    }
}
