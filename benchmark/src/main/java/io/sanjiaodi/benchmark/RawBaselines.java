package io.sanjiaodi.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.sanjiaodi.platform.axon.CommitOrderedEventStorageEngine;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * The raw speed of the same broker and stores, measured in the same run with the same number of
 * clients: what one command costs at least if nothing but its essential I/O happened. A command is
 * acknowledged after its event is durably committed to the event store (PostgreSQL: one
 * transaction taking the store's commit lock and inserting one row under the unique (aggregate,
 * sequence) key, synchronous commit) and that event then travels through Kafka with
 * {@code acks=all} to a consumer. So the baselines are (1) a plain producer → consumer round trip,
 * each client sending one ~1 KB record and waiting for its acknowledgement; (2) plain MongoDB
 * single-document inserts (the read models' store); (3) plain event-store appends; (4) an append
 * and the round trip in a row per operation — the floor the pipeline is compared with.
 */
final class RawBaselines {

    private static final byte[] PAYLOAD = new byte[1024];
    private final String kafkaBootstrap;
    private final String mongoUri;
    private final String postgresUrl;
    private final String runId;

    RawBaselines(String kafkaBootstrap, String mongoUri, String postgresUrl, String runId) {
        this.kafkaBootstrap = kafkaBootstrap;
        this.mongoUri = mongoUri;
        this.postgresUrl = postgresUrl;
        this.runId = runId;
    }

    /** One client's way to store an event; each client has its own (a JDBC connection is not shared). */
    interface Appender extends AutoCloseable {
        void append(String aggregate, long sequence) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    record Result(String name, double perSecond, Latencies.Summary latency, Latencies.Summary roundTrip) {}

    List<Result> measure(int clients, Duration each) throws Exception {
        String topic = "bench.raw." + runId;
        String schema = "bench_raw_" + runId; // the run id is lower-case base 36: a plain SQL identifier
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafkaBootstrap));
                MongoClient mongo = MongoClients.create(mongoUri);
                Connection db = DriverManager.getConnection(postgresUrl, "postgres", "")) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            MongoCollection<Document> events =
                    mongo.getDatabase("bench_raw_" + runId).getCollection("events");
            events.createIndex(
                    Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
            try (Statement ddl = db.createStatement()) {
                ddl.execute("CREATE SCHEMA " + schema);
                ddl.execute("CREATE TABLE " + schema + ".events (globalIndex BIGSERIAL PRIMARY KEY,"
                        + " aggregateIdentifier VARCHAR(255) NOT NULL, sequenceNumber BIGINT NOT NULL, payload bytea NOT NULL,"
                        + " UNIQUE (aggregateIdentifier, sequenceNumber))");
            }
            IntFunction<Appender> mongoInsert =
                    c -> (aggregate, sequence) -> events.insertOne(new Document("aggregateIdentifier", aggregate)
                            .append("sequenceNumber", sequence)
                            .append("payload", new org.bson.types.Binary(PAYLOAD)));
            IntFunction<Appender> postgresAppend = c -> postgresAppender(schema);
            try {
                List<Result> results = new ArrayList<>();
                results.add(run("Kafka producer → consumer (acks=all)", clients, each, topic, null));
                results.add(run("MongoDB insertOne (unique index)", clients, each, null, mongoInsert));
                results.add(run(
                        "PostgreSQL append (commit lock, unique key, synchronous commit)",
                        clients,
                        each,
                        null,
                        postgresAppend));
                results.add(run("PostgreSQL append + Kafka round trip", clients, each, topic, postgresAppend));
                return results;
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
                mongo.getDatabase("bench_raw_" + runId).drop();
                try (Statement ddl = db.createStatement()) {
                    ddl.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    /** What the event store does for one command: a transaction, the commit lock, one insert, the commit. */
    private Appender postgresAppender(String schema) {
        try {
            Connection connection = DriverManager.getConnection(postgresUrl, "postgres", "");
            connection.setAutoCommit(false);
            PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)");
            lock.setInt(1, CommitOrderedEventStorageEngine.LOCK_CLASS);
            lock.setInt(2, CommitOrderedEventStorageEngine.lockKey(schema));
            PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema
                    + ".events (aggregateIdentifier, sequenceNumber, payload) VALUES (?, ?, ?)");
            return new Appender() {
                @Override
                public void append(String aggregate, long sequence) throws Exception {
                    lock.execute();
                    insert.setString(1, aggregate);
                    insert.setLong(2, sequence);
                    insert.setBytes(3, PAYLOAD);
                    insert.executeUpdate();
                    connection.commit();
                }

                @Override
                public void close() throws Exception {
                    connection.close();
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the event store at " + postgresUrl, e);
        }
    }

    private Result run(String name, int clients, Duration duration, String topic, IntFunction<Appender> store)
            throws InterruptedException, ExecutionException {
        Latencies latency = new Latencies();
        Latencies roundTrip = new Latencies();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        AtomicLong received = new AtomicLong();
        KafkaProducer<String, byte[]> producer = topic == null ? null : producer();
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread consumer = topic == null ? null : consumer(topic, consuming, roundTrip, received);
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            String aggregate = name.hashCode() + "-" + c;
            Appender events = store == null ? null : store.apply(c);
            Thread client = new Thread(
                    () -> {
                        long sequence = 0;
                        while (running.get()) {
                            long start = System.nanoTime();
                            try {
                                if (events != null) {
                                    events.append(aggregate, sequence);
                                }
                                if (producer != null) {
                                    byte[] value = ByteBuffer.allocate(PAYLOAD.length)
                                            .putLong(System.nanoTime())
                                            .array();
                                    producer.send(new ProducerRecord<>(topic, aggregate, value))
                                            .get();
                                }
                                sequence++;
                                sent.incrementAndGet();
                                latency.record(System.nanoTime() - start);
                            } catch (Exception e) {
                                latency.error();
                                Errors.note(name + ": " + e);
                            }
                        }
                        if (events != null) {
                            try {
                                events.close();
                            } catch (Exception e) {
                                Errors.note(name + ": " + e);
                            }
                        }
                    },
                    "raw-" + c);
            threads.add(client);
            client.start();
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (consumer != null) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (received.get() < sent.get() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            consuming.set(false);
            consumer.join();
            producer.close();
        }
        return new Result(name, sent.get() / seconds, latency.summary(), consumer == null ? null : roundTrip.summary());
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Counts what arrives and times produce → consume from the send time carried in the record. */
    private Thread consumer(String topic, AtomicBoolean consuming, Latencies roundTrip, AtomicLong received)
            throws InterruptedException {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + runId + "-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        AtomicBoolean assigned = new AtomicBoolean();
        Thread thread = new Thread(
                () -> {
                    try (KafkaConsumer<String, byte[]> consumer =
                            new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
                        consumer.subscribe(List.of(topic));
                        while (consuming.get()) {
                            var records = consumer.poll(Duration.ofMillis(100));
                            if (!consumer.assignment().isEmpty()) {
                                assigned.set(true);
                            }
                            long now = System.nanoTime();
                            records.forEach(r -> roundTrip.record(
                                    now - ByteBuffer.wrap(r.value()).getLong()));
                            received.addAndGet(records.count());
                        }
                    }
                },
                "raw-consumer");
        thread.start();
        while (!assigned.get()) {
            Thread.sleep(50);
        }
        // latest offsets must be fixed before the first send, or early records would be skipped
        Thread.sleep(500);
        return thread;
    }
}
