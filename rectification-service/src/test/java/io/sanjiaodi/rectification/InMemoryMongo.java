package io.sanjiaodi.rectification;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.sanjiaodi.contracts.rectification.WarningLevel;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.unit.DataSize;

/** One in-memory mongo-java-server per test class, plus the settings, the warning thresholds and a clock tests can move. */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    public final MongoClient client;

    public InMemoryMongo() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    public MongoTemplate template(String database) {
        return new MongoTemplate(client, database);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }

    public static RectificationProperties settings() {
        return new RectificationProperties(
                ZoneId.of("Asia/Shanghai"),
                30,
                java.time.Period.ofMonths(3),
                Map.of("yuyao", java.time.Period.ofMonths(2)),
                new RectificationProperties.Sweeper(true, Duration.ofHours(1), Duration.ofHours(1)),
                new RectificationProperties.Evidence(DataSize.ofKilobytes(64)));
    }

    /** An empty event store, for projection tests that hand their events to the handlers directly. */
    public static org.axonframework.eventsourcing.eventstore.EventStore emptyEventStore() {
        return org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                .storageEngine(new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine())
                .build();
    }

    /** The thresholds of sanjiaodi-common.yml: yellow 20 days before a deadline, orange 10. */
    public static WarningLevel.Thresholds thresholds() {
        return new WarningLevel.Thresholds(20, 10);
    }

    /** A clock standing still on a date until a test moves it. */
    public static final class MovableClock extends Clock {
        private volatile Instant now;
        private final ZoneId zone = ZoneOffset.UTC;

        public MovableClock(LocalDate today) {
            set(today);
        }

        public void set(LocalDate today) {
            now = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
