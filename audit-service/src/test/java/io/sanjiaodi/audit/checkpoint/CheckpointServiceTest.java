package io.sanjiaodi.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.ingest.Events;
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
        CheckpointService other =
                new CheckpointService(audit.mongo, audit.log, audit.key, audit.clock); // knows no checkpoint yet
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

    private void append(String prefix, int n) {
        audit.log.append(LongStream.range(0, n)
                .mapToObj(i -> Events.draft(prefix + i, "iv-" + prefix, i))
                .toList());
    }
}
