package io.sanjiaodi.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.sanjiaodi.audit.checkpoint.CheckpointService;
import io.sanjiaodi.audit.checkpoint.SigningKey;
import io.sanjiaodi.audit.ingest.AuditLog;
import io.sanjiaodi.audit.ingest.AuditProperties;
import io.sanjiaodi.audit.leader.WriterRole;
import io.sanjiaodi.audit.proof.ProofService;
import io.sanjiaodi.audit.verify.StoredLogVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The audit components wired by their constructors against an in-memory MongoDB-wire server, the
 * way Spring wires them; {@link #restart()} builds them again over the same database.
 */
public final class AuditFixture implements AutoCloseable {

    public final MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
    public final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    public final MongoTemplate mongo = new MongoTemplate(client, "audit");
    public static final String ORIGIN = "sanjiaodi.test/audit-log";
    public final Clock clock = Clock.systemUTC();
    private final Path keyFile;
    public AuditLog log;
    public SigningKey key;
    public CheckpointService checkpoints;
    public ProofService proofs;
    public StoredLogVerifier verifier;

    public AuditFixture(Path keyDir) {
        this.keyFile = keyDir.resolve("audit-ed25519.pk8");
        restart();
    }

    public AuditFixture restart() {
        log = new AuditLog(mongo, clock);
        key = new SigningKey(new AuditProperties(List.of("interview.events"), keyFile, 2000, ORIGIN));
        checkpoints = new CheckpointService(mongo, log, key, clock, WriterRole.ALWAYS);
        proofs = new ProofService(mongo, log, checkpoints);
        verifier = new StoredLogVerifier(mongo, log, checkpoints, key);
        return this;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
