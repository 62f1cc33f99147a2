package io.sanjiaodi.audit.leader;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The writer lease between instances, each with its own monotonic clock the test moves. */
class WriterLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(6);
    private final MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "audit");
    private final AtomicLong clockA = new AtomicLong();
    private final AtomicLong clockB = new AtomicLong(1_000_000_000_000L); // clocks need not agree
    private final WriterLease a = lease("a:8083", clockA);
    private final WriterLease b = lease("b:8083", clockB);

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private WriterLease lease(String instance, AtomicLong clock) {
        return new WriterLease(mongo, instance, TTL, clock::get);
    }

    private static void advance(AtomicLong clock, Duration by) {
        clock.addAndGet(by.toNanos());
    }

    @Test
    void theFirstInstanceToLookBecomesTheWriterAndTheOtherAStandby() {
        assertThat(a.tick()).isTrue();
        assertThat(b.tick()).isFalse();
        assertThat(a.isWriter()).isTrue();
        assertThat(b.isWriter()).isFalse();
        assertThat(a.epoch()).isEqualTo(1);
    }

    @Test
    void aStandbyNeverTakesOverWhileTheWriterKeepsRenewing() {
        a.tick();
        for (int second = 0; second < 30; second++) {
            advance(clockA, Duration.ofSeconds(1));
            advance(clockB, Duration.ofSeconds(1));
            assertThat(a.tick()).as("writer at second %d", second).isTrue();
            assertThat(b.tick()).as("standby at second %d", second).isFalse();
        }
    }

    @Test
    void aStandbyTakesOverOnlyAfterSeeingTheLeaseUnchangedForTheTtl() {
        a.tick();
        b.tick(); // first sighting
        advance(clockB, TTL.minusMillis(1));
        assertThat(b.tick()).as("just short of the ttl").isFalse();
        advance(clockB, Duration.ofMillis(1));
        assertThat(b.tick()).isTrue();
        assertThat(b.epoch()).isEqualTo(2);
    }

    @Test
    void aWriterFrozenPastItsLeaseStopsCountingItselfTheWriterAndLosesTheLeaseWhenItWakes() {
        a.tick();
        advance(clockA, TTL.dividedBy(2));
        assertThat(a.isWriter())
                .as("half the ttl after its last renewal, before any standby may take over")
                .isFalse();
        b.tick();
        advance(clockB, TTL);
        assertThat(b.tick()).isTrue();
        assertThat(a.tick())
                .as("the frozen writer's renewal finds another process")
                .isFalse();
        advance(clockA, Duration.ofSeconds(1));
        assertThat(a.tick()).as("and it stays a standby").isFalse();
        assertThat(b.isWriter()).isTrue();
    }

    @Test
    void aRestartedWriterTakesItsLeaseBackAtOnce() {
        a.tick();
        WriterLease restarted = lease("a:8083", clockA); // same instance id, new process
        assertThat(restarted.tick()).isTrue();
        assertThat(restarted.epoch()).isEqualTo(2);
        assertThat(a.tick()).as("the old process, should it still run").isFalse();
    }

    @Test
    void aReleasedLeaseIsTakenAtTheNextLook() {
        a.tick();
        b.tick();
        a.release();
        assertThat(a.isWriter()).isFalse();
        assertThat(b.tick()).isTrue();
    }

    @Test
    void ofTwoStandbysWatchingTheSameDeadWriterOnlyOneTakesOver() {
        a.tick();
        AtomicLong clockC = new AtomicLong();
        WriterLease c = lease("c:8083", clockC);
        b.tick();
        c.tick();
        advance(clockB, TTL);
        advance(clockC, TTL);
        boolean bWon = b.tick();
        boolean cWon = c.tick();
        assertThat(bWon ^ cWon)
                .as("exactly one of b (%s) and c (%s)", bWon, cWon)
                .isTrue();
    }

    @Test
    void aStandbyThatCannotReachTheStoreStartsWatchingAfresh() {
        AtomicBoolean down = new AtomicBoolean();
        MongoTemplate flaky = new MongoTemplate(client, "audit") {
            @Override
            public <T> T findById(Object id, Class<T> type, String collection) {
                if (down.get()) {
                    throw new DataAccessResourceFailureException("the store is out of reach");
                }
                return super.findById(id, type, collection);
            }
        };
        WriterLease watcher = new WriterLease(flaky, "b:8083", TTL, clockB::get);
        a.tick(); // and then a renews no more: frozen, or cut off from the store like b
        watcher.tick();
        advance(clockB, TTL.minusSeconds(1));
        down.set(true);
        assertThat(watcher.tick()).isFalse();
        down.set(false);
        advance(clockB, Duration.ofSeconds(2));
        assertThat(watcher.tick())
                .as("it saw nothing change only because it saw nothing: the watch starts again")
                .isFalse();
        advance(clockB, TTL);
        assertThat(watcher.tick()).isTrue();
    }
}
