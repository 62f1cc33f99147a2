package io.sanjiaodi.audit;

import com.mongodb.client.model.IndexOptions;
import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.leaf.Leaf;
import io.sanjiaodi.audit.merkle.MerkleProofs;
import io.sanjiaodi.audit.merkle.MerkleTree;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.audit.verify.ExportRecord;
import io.sanjiaodi.audit.verify.LogVerification;
import io.sanjiaodi.audit.verify.VerificationReport;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;

/**
 * Not a test and not run by CI: prints the figures recorded in docs/benchmarks.md ("Audit trail").
 * Run: see audit-service/README.md ("Benchmark"). Arguments: [events through MongoDB] [leaves in memory].
 */
public final class AuditBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int leaves = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        System.out.printf(
                "JVM: %s, %d cores, max heap %d MB%n",
                System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        try (AuditFixture audit = new AuditFixture(Files.createTempDirectory("audit-bench"))) {
            rawInsertBaseline(audit, events);
            ingest(audit, events);
        }
        inMemory(leaves);
    }

    /**
     * What the store alone costs: the documents the log stores for the same events (as the template
     * maps them), already built, with plain ordered {@code insertMany} of 200 into a collection with
     * the same unique indexes, in another database of the same server. Our ingest cannot beat this.
     */
    private static void rawInsertBaseline(AuditFixture audit, int events) {
        var collection = audit.client.getDatabase("raw_baseline").getCollection("audit_entries");
        collection.createIndex(
                new Document("logIndex", 1), new IndexOptions().unique(true).sparse(true));
        String hex = "ab".repeat(32);
        Instant now = Instant.now();
        List<List<Document>> batches = new ArrayList<>();
        for (int b = 0; b < (events + 2_000) / 200; b++) {
            List<Document> batch = new ArrayList<>(200);
            for (int i = 0; i < 200; i++) {
                int n = b * 200 + i;
                AuditEntry d = Events.draft("r" + n, "iv-" + (n / 20), n % 20);
                AuditEntry stored = new AuditEntry(
                        d.eventId(),
                        (long) n,
                        d.type(),
                        d.source(),
                        d.aggregateId(),
                        d.aggregateType(),
                        d.aggregateSequence(),
                        d.correlationId(),
                        d.actor(),
                        d.eventTime(),
                        now,
                        d.topic(),
                        d.partition(),
                        d.offset(),
                        d.unitId(),
                        d.jurisdictionId(),
                        d.traceId(),
                        hex,
                        hex,
                        hex,
                        d.payload());
                Document doc = new Document();
                audit.mongo.getConverter().write(stored, doc);
                batch.add(doc);
            }
            batches.add(batch);
        }
        for (int b = 0; b < 10; b++) { // warm-up, as the ingest's 2,000
            collection.insertMany(batches.get(b));
        }
        long start = System.nanoTime();
        for (int b = 10; b < batches.size(); b++) {
            collection.insertMany(batches.get(b));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int inserted = (batches.size() - 10) * 200;
        System.out.printf(
                "raw store baseline (prepared documents, plain insertMany of 200, same indexes): %d in %.2f s = %.0f documents/s%n",
                inserted, seconds, inserted / seconds);
    }

    /** The listener's work per poll: CloudEvents to drafts, one append (one insertMany) per batch of 200. */
    private static void ingest(AuditFixture audit, int events) {
        List<AuditEntry> warm = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            warm.add(Events.draft("w" + i, "warm-" + (i / 10), i % 10));
        }
        audit.log.append(warm);
        long checkpointNanos = 0;
        int checkpointsSigned = 0;
        long start = System.nanoTime();
        for (int b = 0; b < events / 200; b++) {
            List<AuditEntry> batch = new ArrayList<>(200);
            for (int i = 0; i < 200; i++) {
                int n = b * 200 + i;
                batch.add(Events.draft("e" + n, "iv-" + (n / 20), n % 20));
            }
            audit.log.append(batch);
            if (b % 50 == 0) { // about every 2 s at the target rate
                long t = System.nanoTime();
                audit.checkpoints.signIfGrown();
                checkpointNanos += System.nanoTime() - t;
                checkpointsSigned++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "append (CloudEvent -> leaf -> MongoDB insertMany, batches of 200): %d events in %.2f s = %.0f events/s%n",
                events, seconds, events / seconds);
        System.out.printf(
                "checkpoint (root + Ed25519 + insert) while ingesting: %.2f ms average over %d%n",
                checkpointNanos / 1e6 / checkpointsSigned, checkpointsSigned);
        audit.checkpoints.signIfGrown();
        long t = System.nanoTime();
        VerificationReport report = audit.verifier.verify(ReaderScope.everything());
        double vs = (System.nanoTime() - t) / 1e9;
        System.out.printf(
                "POST /api/audit/verify over MongoDB: %d entries in %.2f s = %.0f leaves/s (ok=%s)%n",
                report.entries(), vs, report.entries() / vs, report.ok());
    }

    private static void inMemory(int leaves) {
        List<ExportRecord> records = new ArrayList<>(leaves);
        MerkleTree tree = new MerkleTree();
        long t = System.nanoTime();
        for (int i = 0; i < leaves; i++) {
            String agg = "iv-" + (i / 20);
            Document payload = new Document("interviewId", agg)
                    .append("item", new Document("itemId", "p-" + i).append("text", "问题"))
                    .append("listVersion", i % 20);
            byte[] payloadHash = Leaf.payloadHash(payload);
            byte[] prev = i % 20 == 0 ? Leaf.NO_PREVIOUS : tree.leafHash(i - 1);
            ExportRecord r = new ExportRecord(
                    i,
                    "e" + i,
                    "ProblemItemAdded",
                    "/sanjiaodi/interview-service",
                    agg,
                    (long) (i % 20),
                    1542272400000L + i,
                    1542272400000L + i,
                    null,
                    Sha256.hex(payloadHash),
                    Sha256.hex(prev),
                    null,
                    payload);
            byte[] leaf = r.leaf(payloadHash, prev).hash();
            tree.append(leaf);
            records.add(new ExportRecord(
                    i,
                    r.eventId(),
                    r.type(),
                    r.source(),
                    r.aggregateId(),
                    r.aggregateSequence(),
                    r.eventTime(),
                    r.recordedAt(),
                    null,
                    r.payloadHash(),
                    r.prevLeafHash(),
                    Sha256.hex(leaf),
                    payload));
        }
        System.out.printf("built %d leaves in memory in %.1f s%n", leaves, (System.nanoTime() - t) / 1e9);
        Random random = new Random(5);
        int proofs = 20_000;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            t = System.nanoTime();
            for (int i = 0; i < proofs; i++) {
                long size = leaves - random.nextInt(1000);
                long index = random.nextLong(size);
                List<byte[]> path = tree.inclusionProof(index, size);
                if (path.isEmpty() && size > 1) {
                    throw new IllegalStateException();
                }
            }
        }
        System.out.printf(
                "inclusion proof at %d leaves: %.1f us average (%d proofs, random index and size)%n",
                leaves, (System.nanoTime() - t) / 1e3 / proofs, proofs);
        t = System.nanoTime();
        for (int i = 0; i < proofs; i++) {
            long second = leaves - random.nextInt(1000);
            tree.consistencyProof(random.nextLong(1, second), second);
        }
        System.out.printf(
                "consistency proof at %d leaves: %.1f us average%n", leaves, (System.nanoTime() - t) / 1e3 / proofs);
        t = System.nanoTime();
        byte[] root = tree.root(leaves);
        System.out.printf("root of %d leaves from the cache: %.3f ms%n", leaves, (System.nanoTime() - t) / 1e6);
        t = System.nanoTime();
        for (int i = 0; i < proofs; i++) {
            long index = random.nextLong(leaves);
            MerkleProofs.verifyInclusion(index, leaves, tree.leafHash(index), tree.inclusionProof(index, leaves), root);
        }
        System.out.printf(
                "inclusion proof + verification at %d leaves: %.1f us average%n",
                leaves, (System.nanoTime() - t) / 1e3 / proofs);
        t = System.nanoTime();
        LogVerification verification = LogVerification.standalone();
        records.forEach(verification::accept);
        VerificationReport report = verification.finish(List.of(), null); // every entry checked, findings complete
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf(
                "re-verification of %d exported entries (JCS + leaf + chain + tree, no I/O): %.2f s = %.0f leaves/s (ok=%s)%n",
                leaves, seconds, leaves / seconds, report.ok() && report.entries() == leaves);
    }
}
