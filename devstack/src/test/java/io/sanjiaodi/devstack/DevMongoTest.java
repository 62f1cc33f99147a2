package io.sanjiaodi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
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
