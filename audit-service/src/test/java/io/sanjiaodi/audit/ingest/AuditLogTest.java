package io.sanjiaodi.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.leaf.Gap;
import io.sanjiaodi.audit.merkle.MerkleProofs;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.query.ReaderScope;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Restart, gaps and late events, crash repair. */
class AuditLogTest {

    @TempDir
    Path keys;

    private AuditFixture audit;

    @BeforeEach
    void setUp() {
        audit = new AuditFixture(keys);
    }

    @AfterEach
    void tearDown() {
        audit.close();
    }

    @Test
    void aRestartRebuildsTheSameLogAndContinuesIt() {
        audit.log.append(LongStream.range(0, 5)
                .mapToObj(i -> Events.draft("a" + i, "iv-1", i))
                .toList());
        Checkpoint before = audit.checkpoints.signIfGrown().orElseThrow();

        audit.restart();
        assertThat(audit.log.tree().size()).isEqualTo(5);
        assertThat(Sha256.hex(audit.log.tree().root(5))).isEqualTo(before.rootHash());
        assertThat(audit.log.broken()).isNull();
        audit.log.append(List.of(Events.draft("a5", "iv-1", 5), Events.draft("a3", "iv-1", 3)));
        assertThat(audit.log.tree().size())
                .as("the redelivered a3 is not appended again")
                .isEqualTo(6);
        assertThat(audit.mongo.findById("a5", AuditEntry.class).prevLeafHash())
                .as("the chain continues across the restart")
                .isEqualTo(audit.mongo.findById("a4", AuditEntry.class).leafHash());
        Checkpoint after = audit.checkpoints.signIfGrown().orElseThrow();
        var proof = audit.proofs.consistency(5, 6L);
        assertThat(MerkleProofs.verifyConsistency(
                        5,
                        6,
                        before.root(),
                        after.root(),
                        proof.proof().stream().map(Sha256::unhex).toList()))
                .isTrue();
        assertThat(audit.verifier.verify(ReaderScope.everything()).ok()).isTrue();
    }

    @Test
    void aMissingSequenceIsAGapUntilTheLateEventArrives() {
        audit.log.append(
                List.of(Events.draft("a0", "iv-1", 0), Events.draft("a2", "iv-1", 2), Events.draft("a3", "iv-1", 3)));
        assertThat(audit.log.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.aggregateId()).isEqualTo("iv-1");
            assertThat(gap.missing()).containsExactly(1L);
            assertThat(gap.since()).isNotNull();
        });
        AuditEntry a2 = audit.mongo.findById("a2", AuditEntry.class);
        assertThat(a2.prevLeafHash()).as("sequence 1 had not arrived: no link").isEqualTo("0".repeat(64));

        audit.log.append(List.of(Events.draft("a1", "iv-1", 1)));
        assertThat(audit.log.gaps()).isEmpty();
        AuditEntry a1 = audit.mongo.findById("a1", AuditEntry.class);
        assertThat(a1.logIndex()).isEqualTo(3);
        assertThat(a1.prevLeafHash())
                .isEqualTo(audit.mongo.findById("a0", AuditEntry.class).leafHash());
        audit.checkpoints.signIfGrown();
        assertThat(audit.verifier.verify(ReaderScope.everything()).ok())
                .as("the late link follows the documented rule")
                .isTrue();

        audit.restart();
        assertThat(audit.log.gaps()).isEmpty();
    }

    @Test
    void gapsSurviveARestart() {
        audit.log.append(List.of(Events.draft("a0", "iv-1", 0), Events.draft("a3", "iv-1", 3)));
        audit.restart();
        List<Gap> gaps = audit.log.gaps();
        assertThat(gaps)
                .singleElement()
                .satisfies(gap -> assertThat(gap.missing()).containsExactly(1L, 2L));
    }

    @Test
    void anEntryStoredByAFailedAttemptIsTakenOverNotDuplicated() {
        audit.log.append(List.of(Events.draft("a0", "iv-1", 0)));
        // another writer (or an insert whose acknowledgement was lost) stored index 1 behind the log's back
        AuditFixture other = audit;
        AuditLog second = new AuditLog(other.mongo, other.clock);
        second.append(List.of(Events.draft("a1", "iv-1", 1)));
        audit.log.append(List.of(Events.draft("a1", "iv-1", 1), Events.draft("a2", "iv-1", 2)));
        assertThat(audit.log.tree().size()).isEqualTo(3);
        assertThat(audit.mongo.findById("a2", AuditEntry.class).logIndex()).isEqualTo(2);
        audit.checkpoints.signIfGrown();
        assertThat(audit.verifier.verify(ReaderScope.everything()).ok()).isTrue();
    }

    @Test
    void anEntryStoredOutsideTheLogIsStillKnownAfterARestart() {
        audit.log.append(List.of(Events.draft("a0", "iv-1", 0)));
        // from before the log had indexes: the rebuild must still know the id, or its redelivery
        // would be inserted, refused by the unique _id index and fail the batch
        AuditEntry legacy = Events.draft("legacy", "iv-2", 0);
        assertThat(legacy.logIndex()).isNull();
        audit.mongo.insert(legacy);
        audit.restart();
        assertThat(audit.log.append(List.of(Events.draft("legacy", "iv-2", 0)))).isEmpty();
        assertThat(audit.log.tree().size()).isEqualTo(1);
        assertThat(audit.log.broken()).isNull();
    }

    @Test
    void aConflictingIndexIsRejectedByTheUniqueIndexAndRepairedOnRetry() {
        audit.log.append(List.of(Events.draft("a0", "iv-1", 0)));
        AuditLog second = new AuditLog(audit.mongo, audit.clock);
        second.append(List.of(Events.draft("b0", "iv-2", 0)));
        assertThatThrownBy(() -> audit.log.append(List.of(Events.draft("c0", "iv-3", 0))))
                .as("index 1 is taken: the unique index refuses a fork")
                .isInstanceOf(RuntimeException.class);
        audit.log.append(List.of(Events.draft("c0", "iv-3", 0)));
        assertThat(audit.mongo.findById("c0", AuditEntry.class).logIndex()).isEqualTo(2);
        assertThat(audit.mongo.count(Query.query(Criteria.where("logIndex").is(1)), Document.class, "audit_entries"))
                .isEqualTo(1);
    }
}
