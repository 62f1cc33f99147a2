package io.sanjiaodi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Time;

/**
 * The same single-node KRaft broker as {@link DevKafka}, started inside the calling JVM on free
 * ports with a throw-away log directory: the broker of the tests.
 *
 * <p>Why not spring-kafka-test's embedded broker: it is built on Kafka's internal test kit, whose
 * API changes between Kafka minor versions (spring-kafka-test 4.1 cannot drive Kafka 4.3's), while
 * this uses only the broker's own server class and storage tool, as {@code DevKafka} does.
 */
public final class InProcessKafka implements AutoCloseable {

    private final Path dataDir;
    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private InProcessKafka(Path dataDir, KafkaRaftServer server, String bootstrapServers) {
        this.dataDir = dataDir;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** A running broker with {@code partitions} partitions per new topic, and these topics created. */
    public static InProcessKafka start(int partitions, String... topics) {
        try {
            Path dataDir = Files.createTempDirectory("sanjiaodi-kafka");
            Path logDir = dataDir.resolve("logs");
            Files.createDirectories(logDir);
            int[] ports = freePorts();
            Properties config = DevKafka.config(ports[0], ports[1], logDir);
            config.setProperty("num.partitions", String.valueOf(partitions));
            Path file = dataDir.resolve("server.properties");
            DevKafka.writeConfig(file, config);
            DevKafka.format(file);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
            server.startup();
            InProcessKafka kafka = new InProcessKafka(dataDir, server, "localhost:" + ports[0]);
            kafka.awaitReady(List.of(topics), partitions);
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    private void awaitReady(List<String> topics, int partitions) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get();
                    break;
                } catch (ExecutionException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("the in-process Kafka broker did not become ready", e);
                    }
                    Thread.sleep(100);
                }
            }
            if (!topics.isEmpty()) {
                admin.createTopics(topics.stream()
                                .map(t -> new NewTopic(t, partitions, (short) 1))
                                .toList())
                        .all()
                        .get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Kafka broker started", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("creating the topics " + topics + " failed", e);
        }
    }

    private static int[] freePorts() throws IOException {
        try (ServerSocket a = new ServerSocket(0);
                ServerSocket b = new ServerSocket(0)) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
