package io.sanjiaodi.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.query.ReaderScope;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Date;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents changed or deleted through the driver, behind the service's back, are found and named. */
class TamperTest {

    @TempDir
    Path keys;

    private AuditFixture audit;
    private MongoCollection<Document> entries;

    @BeforeEach
    void setUp() {
        audit = new AuditFixture(keys);
        for (int agg = 0; agg < 4; agg++) {
            int a = agg;
            audit.log.append(LongStream.range(0, 5)
                    .mapToObj(i -> Events.draft("e" + a + "-" + i, "iv-" + a, i))
                    .toList());
        }
        audit.checkpoints.signIfGrown();
        entries = audit.client.getDatabase("audit").getCollection("audit_entries");
        assertThat(audit.verifier.verify(ReaderScope.everything()).ok()).isTrue();
    }

    @AfterEach
    void tearDown() {
        audit.close();
    }

    @Test
    void aChangedPayloadIsNamed() {
        entries.updateOne(Filters.eq("_id", "e2-3"), Updates.set("payload.item.text", "已整改"));
        VerificationReport report = audit.verifier.verify(ReaderScope.everything());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems().get(0)).satisfies(p -> {
            assertThat(p.index()).isEqualTo(13);
            assertThat(p.eventId()).isEqualTo("e2-3");
            assertThat(p.code()).isEqualTo("PAYLOAD_CHANGED");
        });
    }

    @Test
    void aChangedFieldIsNamedEvenWithItsHashesRecomputed() {
        // a careful forger rewrites the type and recomputes payload, leaf and link hashes consistently
        AuditEntry stored = audit.mongo.findById("e1-2", AuditEntry.class);
        AuditEntry forged = new AuditEntry(
                stored.eventId(),
                stored.logIndex(),
                "ProblemItemRemoved",
                stored.source(),
                stored.aggregateId(),
                stored.aggregateType(),
                stored.aggregateSequence(),
                stored.correlationId(),
                stored.actor(),
                stored.eventTime(),
                stored.recordedAt(),
                stored.topic(),
                stored.partition(),
                stored.offset(),
                stored.unitId(),
                stored.jurisdictionId(),
                stored.traceId(),
                stored.payloadHash(),
                stored.prevLeafHash(),
                null,
                stored.payload());
        String leaf = Sha256.hex(forged.leaf(Sha256.unhex(stored.payloadHash()), Sha256.unhex(stored.prevLeafHash()))
                .hash());
        entries.updateOne(
                Filters.eq("_id", "e1-2"),
                Updates.combine(Updates.set("type", "ProblemItemRemoved"), Updates.set("leafHash", leaf)));
        VerificationReport report = audit.verifier.verify(ReaderScope.everything());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems().get(0)).satisfies(p -> {
            assertThat(p.index()).isEqualTo(7);
            assertThat(p.eventId()).isEqualTo("e1-2");
            assertThat(p.code()).isEqualTo("ENTRY_CHANGED");
        });

        // after a restart the in-memory witness is gone, but the signed root still catches it
        audit.restart();
        VerificationReport afterRestart = audit.verifier.verify(ReaderScope.everything());
        assertThat(afterRestart.ok()).isFalse();
        assertThat(afterRestart.problems())
                .extracting(LogVerification.Problem::code)
                .contains("ROOT_MISMATCH");
        assertThat(audit.log.broken()).as("appending would fork the signed log").isNotNull();
    }

    @Test
    void aDeletedEntryIsNamedByIndexAndEventId() {
        entries.deleteOne(Filters.eq("_id", "e0-4"));
        VerificationReport report = audit.verifier.verify(ReaderScope.everything());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems().get(0)).satisfies(p -> {
            assertThat(p.index()).isEqualTo(4);
            assertThat(p.eventId()).isEqualTo("e0-4");
            assertThat(p.code()).isEqualTo("ENTRY_MISSING");
        });
    }

    @Test
    void aDeletedLastEntryIsATruncation() {
        entries.deleteOne(Filters.eq("_id", "e3-4"));
        VerificationReport report = audit.verifier.verify(ReaderScope.everything());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems().get(0)).satisfies(p -> {
            assertThat(p.index()).isEqualTo(19);
            assertThat(p.eventId()).isEqualTo("e3-4");
        });
        audit.restart();
        assertThat(audit.log.broken()).contains("signed but the stored log has only 19");
    }

    @Test
    void aCheckpointForgedIntoTheStoreIsNamedBySize() throws Exception {
        append(4, 5); // indexes 20 to 24
        Checkpoint forged = Checkpoint.sign(
                25,
                audit.log.tree().root(25),
                audit.clock.millis(),
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        audit.client
                .getDatabase("audit")
                .getCollection("audit_checkpoints")
                .insertOne(new Document("_id", 25L)
                        .append("rootHash", forged.rootHash())
                        .append("timestamp", forged.timestamp())
                        .append("time", new Date(forged.timestamp()))
                        .append("signature", forged.signature()));
        VerificationReport report = audit.verifier.verify(ReaderScope.everything());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems())
                .containsExactly(new LogVerification.Problem(
                        null, null, "CHECKPOINT_SIGNATURE_INVALID", "checkpoint 25 is not signed by this key"));
        assertThat(report.verifiedTreeSize()).isEqualTo(20);
    }

    @Test
    void anEntryDeletedAfterTheLatestCheckpointIsNamedFromTheAppendersMemory() {
        append(4, 5); // indexes 20 to 24, not yet signed
        entries.deleteOne(Filters.eq("_id", "e4-4"));
        VerificationReport report = audit.verifier.verify(ReaderScope.everything());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems())
                .containsExactly(
                        new LogVerification.Problem(24L, "e4-4", "ENTRY_MISSING", "no entry at this index (deleted)"));
    }

    @Test
    void anEntryStoredBehindTheServicesBackPastWhatItAppendedIsCheckedOnItsOwn() {
        AuditEntry model = audit.mongo.findById("e3-4", AuditEntry.class);
        audit.mongo.insert(new AuditEntry(
                "intruder",
                20L,
                model.type(),
                model.source(),
                "iv-9",
                model.aggregateType(),
                0L,
                model.correlationId(),
                model.actor(),
                model.eventTime(),
                model.recordedAt(),
                model.topic(),
                model.partition(),
                model.offset(),
                model.unitId(),
                model.jurisdictionId(),
                model.traceId(),
                model.payloadHash(),
                Sha256.hex(new byte[32]),
                Sha256.hex(new byte[32]),
                model.payload()));
        VerificationReport report = audit.verifier.verify(ReaderScope.everything());
        assertThat(report.problems())
                .containsExactly(new LogVerification.Problem(
                        20L, "intruder", "ENTRY_CHANGED", "the fields no longer hash to the stored leaf hash"));
        assertThat(report.entries()).isEqualTo(21);
    }

    /** A number no JSON can hold, written into a stored payload through the driver. */
    @Test
    void aPayloadChangedToANonJsonNumberIsNamedRatherThanFailingTheVerification() {
        entries.updateOne(Filters.eq("_id", "e2-3"), Updates.set("payload.listVersion", Double.NaN));
        VerificationReport report = audit.verifier.verify(ReaderScope.everything());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems().get(0)).satisfies(p -> {
            assertThat(p.index()).isEqualTo(13);
            assertThat(p.eventId()).isEqualTo("e2-3");
            assertThat(p.code()).isEqualTo("PAYLOAD_CHANGED");
            assertThat(p.detail()).isEqualTo("the payload holds a number JSON cannot (NaN or an infinity)");
        });
        assertThat(report.problems())
                .extracting(LogVerification.Problem::code)
                .as("the rest of the log is still verified")
                .containsExactly("PAYLOAD_CHANGED", "CHAIN_BROKEN", "ROOT_MISMATCH");
    }

    private void append(int aggregate, int n) {
        audit.log.append(LongStream.range(0, n)
                .mapToObj(i -> Events.draft("e" + aggregate + "-" + i, "iv-" + aggregate, i))
                .toList());
    }
}
