package io.sanjiaodi.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Copies the event stores of a local data directory made before the event stores moved to PostgreSQL (Axon's events in
 * MongoDB, collection {@code domainevents} of each service's database) into PostgreSQL, one schema
 * per service, in (timestamp, aggregate, sequence) order, so the global index follows the order the
 * old store read them in. Tracking tokens are not copied: every processor starts from the first
 * event again (the outbox re-sends, consumers deduplicate by event id, projections skip what they
 * have). After the copy is counted equal, the old collections are dropped.
 *
 * <pre>scripts/migrate-event-store.sh [data]   (java ... MigrateEventStore --data data)</pre>
 */
public final class MigrateEventStore {

    /** The services' MongoDB databases, each also the name of its PostgreSQL schema. */
    static final List<String> SERVICES = List.of("interview", "rectification", "audit");

    static final List<String> OLD_COLLECTIONS = List.of("domainevents", "snapshotevents", "trackingtokens");

    private MigrateEventStore() {}

    /** Copied and dropped per service. */
    record Result(String service, int events, int snapshots) {}

    public static void main(String[] args) throws Exception {
        try {
            run(Path.of(new Args(args).value("--data", "data")).toAbsolutePath());
        } catch (IllegalStateException | IllegalArgumentException refused) {
            System.err.println("migrate-event-store: " + refused.getMessage() + "; this store was left as it was");
            System.exit(2);
        }
    }

    private static void run(Path data) throws Exception {
        Path mongoFile = data.resolve("mongo").resolve("sanjiaodi.mv");
        if (!Files.exists(mongoFile)) {
            throw new IllegalArgumentException("no MongoDB store at " + mongoFile + ": nothing to migrate");
        }
        MongoServer mongo = DevMongo.start(mongoFile, PostgresProcesses.freePort());
        try (DevPostgres postgres = DevPostgres.start(data.resolve("postgres"), PostgresProcesses.freePort(), true);
                MongoClient client = MongoClients.create(
                        "mongodb://" + mongo.getLocalAddress().getHostString() + ":"
                                + mongo.getLocalAddress().getPort());
                Connection db = postgres.connect()) {
            for (Result result : migrate(client, db, "")) {
                System.out.printf(
                        "%-14s %,d events, %,d snapshots copied to PostgreSQL schema %s%n",
                        result.service(), result.events(), result.snapshots(), result.service());
            }
        } finally {
            mongo.shutdown();
        }
        System.out.println("done: " + data + " now keeps its event stores in PostgreSQL; start ./run.sh as usual");
    }

    /** Each service's MongoDB database {@code <prefix><service>} into the PostgreSQL schema of the same name. */
    static List<Result> migrate(MongoClient mongo, Connection db, String prefix) throws SQLException {
        List<Result> results = new ArrayList<>();
        for (String service : SERVICES) {
            MongoDatabase database = mongo.getDatabase(prefix + service);
            String schema = prefix + service;
            createTables(db, schema);
            int events = copy(database.getCollection("domainevents"), db, schema + ".domainevententry", true);
            int snapshots = copy(database.getCollection("snapshotevents"), db, schema + ".snapshotevententry", false);
            OLD_COLLECTIONS.forEach(name -> database.getCollection(name).drop());
            results.add(new Result(service, events, snapshots));
        }
        return results;
    }

    /**
     * The event tables as the services create them on start (Axon's PostgreSQL layout, platform's
     * EventStoreSchema), so the copy can come first; platform's EventStoreSchemaTest holds the two equal.
     */
    public static void createTables(Connection db, String schema) throws SQLException {
        String columns = """
                aggregateIdentifier VARCHAR(255) NOT NULL, sequenceNumber BIGINT NOT NULL, type VARCHAR(255) %s,
                eventIdentifier VARCHAR(255) NOT NULL, metaData bytea, payload bytea NOT NULL,
                payloadRevision VARCHAR(255), payloadType VARCHAR(255) NOT NULL, timeStamp VARCHAR(255) NOT NULL,
                """;
        try (Statement s = db.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            s.execute("CREATE TABLE IF NOT EXISTS " + schema + ".domainevententry (globalIndex BIGSERIAL NOT NULL, "
                    + columns.formatted("")
                    + " PRIMARY KEY (globalIndex), UNIQUE (aggregateIdentifier, sequenceNumber),"
                    + " UNIQUE (eventIdentifier))");
            s.execute("CREATE TABLE IF NOT EXISTS " + schema + ".snapshotevententry (" + columns.formatted("NOT NULL")
                    + " PRIMARY KEY (aggregateIdentifier, sequenceNumber), UNIQUE (eventIdentifier))");
        }
    }

    private static int copy(MongoCollection<Document> source, Connection db, String table, boolean ordered)
            throws SQLException {
        long already;
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            already = rs.getLong(1);
        }
        List<Document> documents = source.find().into(new ArrayList<>());
        if (already > 0 && documents.isEmpty()) {
            return 0; // copied by an earlier run (which then dropped the old collection)
        }
        if (already > 0) {
            throw new IllegalStateException(table + " already holds " + already + " events and MongoDB still holds "
                    + documents.size() + ": compare them by hand");
        }
        if (ordered) {
            documents.sort(Comparator.comparing((Document d) -> d.getString("timestamp"))
                    .thenComparing(d -> d.getString("aggregateIdentifier"))
                    .thenComparingLong(d -> ((Number) d.get("sequenceNumber")).longValue()));
        }
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + table + " (aggregateIdentifier,"
                + " sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Document d : documents) {
                insert.setString(1, d.getString("aggregateIdentifier"));
                insert.setLong(2, ((Number) d.get("sequenceNumber")).longValue());
                insert.setString(3, d.getString("type"));
                insert.setString(4, d.getString("eventIdentifier"));
                insert.setBytes(5, bytes(d.get("serializedMetaData")));
                insert.setBytes(6, bytes(d.get("serializedPayload")));
                insert.setString(7, d.getString("payloadRevision"));
                insert.setString(8, d.getString("payloadType"));
                insert.setString(9, d.getString("timestamp"));
                insert.addBatch();
            }
            insert.executeBatch();
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                if (rs.getLong(1) != documents.size()) {
                    throw new IllegalStateException(table + ": copied " + rs.getLong(1) + " of " + documents.size());
                }
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
        return documents.size();
    }

    /** The Jackson serializer wrote payload and metadata as JSON text; the JDBC engine reads them as UTF-8 bytes. */
    private static byte[] bytes(Object serialized) {
        if (serialized == null) {
            return null;
        }
        if (serialized instanceof Binary binary) {
            return binary.getData();
        }
        if (serialized instanceof Document document) {
            return document.toJson().getBytes(StandardCharsets.UTF_8);
        }
        return serialized.toString().getBytes(StandardCharsets.UTF_8);
    }
}
