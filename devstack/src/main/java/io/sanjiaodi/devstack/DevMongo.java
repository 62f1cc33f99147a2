package io.sanjiaodi.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;

/**
 * The embedded default database: mongo-java-server speaking the MongoDB wire protocol, backed by
 * an H2 MVStore file so that a second run finds the data of the first. A write is acknowledged
 * only once it is in the file, so a {@code kill -9} loses nothing acknowledged.
 *
 * <pre>java -cp ... io.sanjiaodi.devstack.DevMongo [--port 27017] [--data data/mongo]</pre>
 */
public final class DevMongo {

    private DevMongo() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Args options = new Args(args);
        int port = options.intValue("--port", 27017);
        Path dataDir = Path.of(options.value("--data", "data/mongo")).toAbsolutePath();
        Files.createDirectories(dataDir);
        MongoServer server = start(dataDir.resolve("sanjiaodi.mv"), port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.shutdown();
                            stopped.countDown();
                        },
                        "dev-mongo-shutdown"));
        System.out.println("DevMongo listening on localhost:" + port + ", data in " + dataDir);
        stopped.await();
    }

    /**
     * MVStore's page cache, in MB. Its default (16 MB) holds some 20,000 small documents; past that
     * every read of a cold page goes to the file and reads by id fall off a cliff
     * ({@code DevMongoCacheBenchmark}, docs/benchmarks.md). MVStore's size estimate undercounts
     * decoded documents: a full 192 MB cache held 287 MB of live heap, and under the soak's load
     * the 512 MB heap ran out (docs/reliability.md, seventh attempt). 128 MB leaves the heap room
     * for the queries' result sets, which mongo-java-server holds in memory.
     */
    static final int CACHE_MB = 128;

    public static MongoServer start(Path file, int port) {
        return start(file, port, CACHE_MB);
    }

    /** With another page cache size, to measure what the cache is worth. */
    public static MongoServer start(Path file, int port, int cacheMb) {
        // Every write is committed to the file before it is answered (CommittingH2Backend); the
        // background commit stays as it was for anything else. Background compaction stays off: MVStore
        // 2.x can free a chunk that an open cursor still reads ("Chunk N not found", h2database
        // #4383), and mongo-java-server iterates collections all the time — at start-up, to rebuild
        // its indexes, too. The fault-injection soak found a store that could no longer be opened
        // this way. Freed space in the file is still reused for new chunks.
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitBufferSize(1024)
                .autoCompactFillRate(0)
                // smaller pages: each commit rewrites the pages it changed, and a commit per write
                // with 16 KB pages doubled the file's growth (docs/reliability.md)
                .pageSplitSize(4096)
                .cacheSize(cacheMb)
                .open();
        store.setAutoCommitDelay(100);
        H2Backend backend = new CommittingH2Backend(store);
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        return server;
    }
}
