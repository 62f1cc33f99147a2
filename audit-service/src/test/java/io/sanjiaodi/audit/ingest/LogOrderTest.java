package io.sanjiaodi.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Range by range, the log still comes out whole, in order, past holes, and stops when asked. */
class LogOrderTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "log-order");
    private final String log = mongo.getCollectionName(AuditEntry.class);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void everyIndexedEntryComesOnceInIndexOrderAcrossRangesAndHoles() {
        // stored out of order, holes at 4 and 10..16, one entry outside the log, a straggler far beyond
        for (long index : new long[] {9, 0, 3, 1, 2, 5, 6, 7, 8, 17, 18, 40}) {
            mongo.insert(
                    new Document("_id", "e" + index).append("logIndex", index).append("payload", "p" + index), log);
        }
        mongo.insert(new Document("_id", "outside").append("logIndex", null), log);
        List<Long> seen = new ArrayList<>();
        LogOrder.forEach(mongo, Document.class, d -> seen.add(d.getLong("logIndex")), 3, 0);
        assertThat(seen).containsExactly(0L, 1L, 2L, 3L, 5L, 6L, 7L, 8L, 9L, 17L, 18L, 40L);
    }

    @Test
    void onlyTheAskedFieldsAreReadAndTheReaderCanStop() {
        for (long index = 0; index < 10; index++) {
            mongo.insert(
                    new Document("_id", "e" + index).append("logIndex", index).append("payload", "p"), log);
        }
        List<Document> seen = new ArrayList<>();
        LogOrder.forEach(mongo, Document.class, d -> seen.add(d) && seen.size() < 5, 3, 0, "logIndex");
        assertThat(seen)
                .hasSize(5)
                .allSatisfy(d -> assertThat(d.keySet()).containsExactlyInAnyOrder("_id", "logIndex"));
    }
}
