package io.sanjiaodi.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.leader.WriterRole;
import io.sanjiaodi.audit.merkle.Sha256;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One checkpoint per tree size, signed only when the log grew, stored once and never replaced. */
class CheckpointServiceTest {

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
    void anEmptyLogIsNotSigned() {
        assertThat(audit.checkpoints.signIfGrown()).isEmpty();
        assertThat(audit.checkpoints.latest()).isEmpty();
    }

    @Test
    void aCheckpointIsSignedOnlyWhenTheLogGrewSinceTheLatestOne() {
        append("a", 3);
        Checkpoint first = audit.checkpoints.signIfGrown().orElseThrow();
        assertThat(first.treeSize()).isEqualTo(3);
        assertThat(first.rootHash()).isEqualTo(Sha256.hex(audit.log.tree().root(3)));
        assertThat(first.verify(audit.key.publicKey())).isTrue();
        assertThat(audit.checkpoints.signIfGrown()).as("not grown").isEmpty();
        assertThat(audit.checkpoints.latest()).contains(first);

        append("b", 2);
        Checkpoint second = audit.checkpoints.signIfGrown().orElseThrow();
        assertThat(second.treeSize()).isEqualTo(5);
        assertThat(audit.checkpoints.latest()).contains(second);
        assertThat(audit.checkpoints.bySize(3)).contains(first);
        assertThat(audit.checkpoints.bySize(5)).contains(second);
        assertThat(audit.checkpoints.bySize(4))
                .as("no checkpoint was signed at 4")
                .isEmpty();
        assertThat(audit.checkpoints.all()).containsExactly(first, second);
    }

    @Test
    void aSizeAnotherInstanceSignedFirstKeepsThatInstancesCheckpoint() throws Exception {
        append("a", 3);
        CheckpointService other = new CheckpointService(
                audit.mongo, audit.log, audit.key, audit.clock, WriterRole.ALWAYS); // knows no checkpoint yet
        Checkpoint mine = audit.checkpoints.signIfGrown().orElseThrow();
        Thread.sleep(2); // a later signature would carry a later timestamp
        assertThat(other.signIfGrown()).contains(mine);
        assertThat(other.latest()).contains(mine);
        assertThat(audit.checkpoints.all()).containsExactly(mine);
    }

    @Test
    void aLogThatStillYieldsTheLatestSignedRootStaysAppendableAfterARestart() {
        append("a", 4);
        Checkpoint signed = audit.checkpoints.signIfGrown().orElseThrow();
        audit.restart();
        assertThat(audit.log.broken()).isNull();
        assertThat(audit.checkpoints.latest()).contains(signed);
    }

    @Test
    void aNewCheckpointIsSignedInBothFormsAndItsNoteIsTheOneServed() {
        append("a", 3);
        Checkpoint c = audit.checkpoints.signIfGrown().orElseThrow();
        assertThat(c.signature()).isNotNull();
        assertThat(c.noteCheckpoint().origin()).isEqualTo(AuditFixture.ORIGIN);
        assertThat(c.noteCheckpoint().treeSize()).isEqualTo(3);
        assertThat(audit.checkpoints.servedNote()).contains(c.note());
        audit.restart();
        assertThat(audit.checkpoints.bySize(3)).as("the note is stored").contains(c);
    }

    @Test
    void aCheckpointSignedBeforeTheC2spFormatStaysVerifiableAndIsNotServedAsANote() {
        append("a", 3);
        Checkpoint old = Checkpoint.sign(
                3, audit.log.tree().root(3), audit.clock.millis(), audit.key.privateKey()); // the old form only
        audit.mongo.insert(StoredCheckpoint.of(old));
        audit.restart();
        assertThat(audit.checkpoints.latest()).contains(old);
        assertThat(old.verify(audit.key.publicKey())).isTrue();
        assertThat(audit.checkpoints.servedNote()).isEmpty();

        append("b", 2);
        Checkpoint next = audit.checkpoints.signIfGrown().orElseThrow();
        assertThat(audit.checkpoints.servedNote()).contains(next.note());
        assertThat(audit.checkpoints.all()).containsExactly(old, next);
    }

    @Test
    void theServedNoteIsTheNewestThatHasOneEvenIfAnOldFormCheckpointCameLater() {
        append("a", 3);
        Checkpoint withNote = audit.checkpoints.signIfGrown().orElseThrow();
        append("b", 2);
        // e.g. an instance still running the previous version signed size 5
        audit.mongo.insert(StoredCheckpoint.of(
                Checkpoint.sign(5, audit.log.tree().root(5), audit.clock.millis(), audit.key.privateKey())));
        audit.restart();
        assertThat(audit.checkpoints.latest().orElseThrow().note()).isNull();
        assertThat(audit.checkpoints.servedNote()).contains(withNote.note());
    }

    @Test
    void aStandbySignsNothingAndFollowsWhatTheWriterSignedOnceItsLogReachedThatSize() {
        var standbyLog = new io.sanjiaodi.audit.ingest.AuditLog(audit.mongo, audit.clock);
        CheckpointService standby = new CheckpointService(audit.mongo, standbyLog, audit.key, audit.clock, () -> false);
        append("a", 3);
        standbyLog.catchUp();
        standby.tick();
        assertThat(standby.latest()).as("a standby signs nothing").isEmpty();
        assertThat(audit.checkpoints.all()).isEmpty();

        Checkpoint signed = audit.checkpoints.signIfGrown().orElseThrow();
        standby.tick();
        assertThat(standby.latest()).contains(signed);
        append("b", 2);
        standby.tick();
        assertThat(standby.latest()).as("its log is still at 3").contains(signed);
    }

    private void append(String prefix, int n) {
        audit.log.append(LongStream.range(0, n)
                .mapToObj(i -> Events.draft(prefix + i, "iv-" + prefix, i))
                .toList());
    }
}
