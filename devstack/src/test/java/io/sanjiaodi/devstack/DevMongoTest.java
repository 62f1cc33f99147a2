package io.sanjiaodi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevMongoTest {

    @Test
    void aSecondRunFindsTheDataOfTheFirst(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("store.mv");
        int port = freePort();
        MongoServer first = DevMongo.start(file, port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            client.getDatabase("interview")
                    .getCollection("probe")
                    .insertOne(new Document("_id", "a").append("名称", "市交通局"));
        }
        first.shutdown();

        MongoServer second = DevMongo.start(file, port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            Document found = client.getDatabase("interview")
                    .getCollection("probe")
                    .find(new Document("_id", "a"))
                    .first();
            assertThat(found).isNotNull();
            assertThat(found.getString("名称")).isEqualTo("市交通局");
        } finally {
            second.shutdown();
        }
    }

    /**
     * An acknowledged write is in the file when it is acknowledged: the process is killed with
     * SIGKILL right after the last acknowledgement, and a new one finds every document. With
     * MVStore's background commit alone (every 100 ms) the last writes were lost. Half the writes
     * come from eight clients at once: a writer whose write another's commit covered returns
     * without committing (group commit), and must still be in the file.
     */
    @Test
    void everyAcknowledgedWriteSurvivesAKillMinusNine(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path data = dir.resolve("mongo");
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DevMongo.class.getName(),
                        "--port",
                        "" + port,
                        "--data",
                        data.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mongo.log").toFile())
                .start();
        int acknowledged = 0;
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> probe = client.getDatabase("audit").getCollection("probe");
            for (int i = 0; i < 150; i++) {
                probe.insertOne(new Document("_id", "doc-" + i).append("序号", i));
                acknowledged++;
            }
            var clients = java.util.concurrent.Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<?>> writes = new java.util.ArrayList<>();
            for (int i = 150; i < 300; i++) {
                Document doc = new Document("_id", "doc-" + i).append("序号", i);
                writes.add(clients.submit(() -> probe.insertOne(doc)));
            }
            for (var write : writes) {
                write.get();
                acknowledged++;
            }
            clients.shutdown();
            probe.updateOne(new Document("_id", "doc-0"), new Document("$set", new Document("改", true)));
            server.destroyForcibly().waitFor();
        }
        assertThat(server.exitValue()).as("killed, not shut down").isEqualTo(137);

        MongoServer second = DevMongo.start(data.resolve("sanjiaodi.mv"), port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> probe = client.getDatabase("audit").getCollection("probe");
            assertThat(probe.countDocuments()).isEqualTo(acknowledged);
            assertThat(probe.find(new Document("_id", "doc-299")).first()).isNotNull();
            assertThat(probe.find(new Document("_id", "doc-0")).first().getBoolean("改"))
                    .isTrue();
        } finally {
            second.shutdown();
        }
    }

    @Test
    void theServerAnnouncesMongoDbFive(@TempDir Path dir) throws IOException {
        int port = freePort();
        MongoServer server = DevMongo.start(dir.resolve("v.mv"), port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            Document info = client.getDatabase("admin").runCommand(new Document("buildInfo", 1));
            assertThat(info.getString("version")).startsWith("5.0");
        } finally {
            server.shutdown();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
