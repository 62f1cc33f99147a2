package io.sanjiaodi.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A data directory from before PostgreSQL: its events are copied in the old store's reading order, once. */
class MigrateEventStoreTest {

    final MongoServer server = new MongoServer(new MemoryBackend());
    final MongoClient mongo = MongoClients.create(server.bindAndGetConnectionString());

    @AfterEach
    void close() {
        mongo.close();
        server.shutdownNow();
    }

    @Test
    void everyEventIsCopiedInTimestampAggregateSequenceOrderAndTheOldCollectionsGo() throws Exception {
        var interview = mongo.getDatabase("m1_interview");
        // as axon-mongo 4.12 wrote them with the Jackson serializer: payload and metadata as JSON text
        interview
                .getCollection("domainevents")
                .insertMany(List.of(
                        event("iv-2", 0, "2018-11-15T02:00:01Z", "InterviewScheduled"),
                        event("iv-1", 1, "2018-11-15T02:00:00Z", "ProblemItemAdded"),
                        event("iv-1", 0, "2018-11-15T02:00:00Z", "InterviewScheduled")));
        interview.getCollection("trackingtokens").insertOne(new Document("processorName", "kafka-publisher"));
        mongo.getDatabase("m1_rectification")
                .getCollection("domainevents")
                .insertOne(event("ledger-iv-1", 0, "2018-11-16T00:00:00Z", "RectificationOpened"));

        List<MigrateEventStore.Result> results;
        try (Connection db = DevPostgres.shared().connect()) {
            results = MigrateEventStore.migrate(mongo, db, "m1_");
        }

        assertThat(results)
                .containsExactly(
                        new MigrateEventStore.Result("interview", 3, 0),
                        new MigrateEventStore.Result("rectification", 1, 0),
                        new MigrateEventStore.Result("audit", 0, 0));
        assertThat(rows("m1_interview"))
                .containsExactly(
                        "1 iv-1#0 InterviewScheduled {\"n\":\"iv-1#0\"}",
                        "2 iv-1#1 ProblemItemAdded {\"n\":\"iv-1#1\"}",
                        "3 iv-2#0 InterviewScheduled {\"n\":\"iv-2#0\"}");
        assertThat(rows("m1_rectification"))
                .containsExactly("1 ledger-iv-1#0 RectificationOpened {\"n\":\"ledger-iv-1#0\"}");
        assertThat(interview.listCollectionNames().into(new ArrayList<>()))
                .doesNotContain("domainevents", "trackingtokens");
    }

    @Test
    void aSecondRunAfterACompleteCopyCopiesNothingMore() throws Exception {
        try (Connection db = DevPostgres.shared().connect()) {
            migrateOneEvent(db, "m3_");

            assertThat(MigrateEventStore.migrate(mongo, db, "m3_"))
                    .extracting(MigrateEventStore.Result::events)
                    .containsOnly(0);
        }
        assertThat(rows("m3_interview")).hasSize(1);
    }

    @Test
    void aSecondCopyIntoAFilledStoreIsRefusedAndChangesNothing() throws Exception {
        try (Connection db = DevPostgres.shared().connect()) {
            migrateOneEvent(db, "m2_");
            mongo.getDatabase("m2_interview")
                    .getCollection("domainevents")
                    .insertOne(event("iv-9", 0, "2018-11-15T02:00:00Z", "InterviewScheduled"));

            assertThatThrownBy(() -> MigrateEventStore.migrate(mongo, db, "m2_"))
                    .hasMessageContaining("already holds 1 events and MongoDB still holds 1");
        }
        assertThat(rows("m2_interview")).hasSize(1);
        assertThat(mongo.getDatabase("m2_interview")
                        .getCollection("domainevents")
                        .countDocuments())
                .isEqualTo(1);
    }

    private static Document event(String aggregate, long sequence, String timestamp, String type) {
        return new Document("aggregateIdentifier", aggregate)
                .append("type", "Interview")
                .append("sequenceNumber", sequence)
                .append("serializedPayload", "{\"n\":\"" + aggregate + "#" + sequence + "\"}")
                .append("timestamp", timestamp)
                .append("payloadType", "io.sanjiaodi.contracts.interview." + type)
                .append("payloadRevision", "1")
                .append("serializedMetaData", "{\"actor\":\"office\"}")
                .append("eventIdentifier", aggregate + "/" + sequence);
    }

    private static List<String> rows(String schema) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = DevPostgres.shared().connect();
                Statement s = db.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT globalIndex, aggregateIdentifier, sequenceNumber, payloadType, payload"
                                + " FROM " + schema + ".domainevententry ORDER BY globalIndex")) {
            while (rs.next()) {
                String type = rs.getString(4);
                rows.add(rs.getLong(1) + " " + rs.getString(2) + "#" + rs.getLong(3) + " "
                        + type.substring(type.lastIndexOf('.') + 1) + " "
                        + new String(rs.getBytes(5), StandardCharsets.UTF_8));
            }
        }
        return rows;
    }

    /** A pre-PostgreSQL store holding one interview event, copied once. */
    private void migrateOneEvent(Connection db, String prefix) throws Exception {
        mongo.getDatabase(prefix + "interview")
                .getCollection("domainevents")
                .insertOne(event("iv-1", 0, "2018-11-15T02:00:00Z", "InterviewScheduled"));
        MigrateEventStore.migrate(mongo, db, prefix);
    }
}
