package io.sanjiaodi.devstack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend that answers a write only after it is committed to the store's
 * file: an acknowledged write survives a {@code kill -9} of this process (it is in the operating
 * system's page cache; {@code fsync} on every commit is off, so a power cut can still lose the
 * last writes). MVStore's own background commit runs every 100 ms; without this, a killed process
 * lost up to that much acknowledged work, and the audit consumer could have committed the Kafka
 * offsets of entries that were then gone.
 * <p>
 * Group commit: a write waits for a commit that started after it completed. Concurrent writers
 * queue on the commit lock, and whoever gets it commits everyone's writes at once; the others find
 * their write already covered and return.
 */
final class CommittingH2Backend extends H2Backend {

    /** Commands that change data or metadata (lower case); everything else is answered at once. */
    private static final Set<String> WRITES = Set.of(
            "insert",
            "update",
            "delete",
            "findandmodify",
            "createindexes",
            "dropindexes",
            "drop",
            "dropdatabase",
            "create",
            "renamecollection",
            "aggregate");

    private final MVStore store;
    private final Object commitLock = new Object();
    /** Commits started; the number of the latest is the count. */
    private final AtomicLong started = new AtomicLong();
    /** The number of the latest commit that finished. */
    private volatile long finished;

    CommittingH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commitCovering();
        }
        return response;
    }

    /** Returns once a commit that started after this call began has finished. */
    void commitCovering() {
        long needed = started.get() + 1;
        synchronized (commitLock) {
            if (finished >= needed) {
                return; // another writer's commit started after our write and has finished
            }
            long number = started.incrementAndGet();
            if (store.hasUnsavedChanges()) {
                store.commit();
            }
            finished = number;
        }
    }
}
