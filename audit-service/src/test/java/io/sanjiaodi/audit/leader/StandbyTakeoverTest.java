package io.sanjiaodi.audit.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.checkpoint.CheckpointService;
import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.ingest.AuditLog;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.audit.verify.VerificationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Two instances' logs over one store: a standby follows the writer, takes over, and a stale writer cannot fork the log. */
class StandbyTakeoverTest {

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
    void aStandbyCatchesUpWithWhatTheWriterAppendedAndContinuesTheSameLog() {
        AuditLog writer = audit.log;
        AuditLog standby = new AuditLog(audit.mongo, audit.clock);
        writer.append(LongStream.range(0, 4)
                .mapToObj(i -> Events.draft("w" + i, "iv-1", i))
                .toList());
        standby.catchUp();
        assertThat(standby.tree().size()).isEqualTo(4);
        assertThat(standby.tree().root(4)).isEqualTo(writer.tree().root(4));

        standby.append(List.of(Events.draft("s4", "iv-1", 4)));
        audit.restart();
        assertThat(audit.log.tree().size()).isEqualTo(5);
        assertThat(audit.log.gaps())
                .as("the standby chained its entry to the writer's")
                .isEmpty();
    }

    @Test
    void aStaleWritersAppendIsRefusedByTheStoreAndTheLogStaysOneLog() {
        AuditLog stale = audit.log;
        stale.append(List.of(Events.draft("e0", "iv-1", 0)));
        AuditLog next = new AuditLog(audit.mongo, audit.clock);
        next.append(List.of(Events.draft("e1", "iv-1", 1), Events.draft("e2", "iv-1", 2)));

        // the old writer, frozen before it learnt of the new one, appends from its own view (size 1)
        assertThatThrownBy(() -> stale.append(List.of(Events.draft("x1", "iv-2", 0))))
                .as("log index 1 is taken");
        assertThat(stale.tree().size()).as("it rebuilt from the store").isEqualTo(3);

        audit.restart();
        assertThat(audit.log.tree().size()).isEqualTo(3);
        audit.checkpoints.signIfGrown();
        VerificationReport report = audit.verifier.verify(ReaderScope.everything());
        assertThat(report.ok()).as("%s", report.problems()).isTrue();
        assertThat(report.entries()).isEqualTo(3);
    }

    @Test
    void aStandbyStartingWhileTheWriterAppendsAndSignsFollowsInsteadOfTakingTheCheckpointForALostLog() {
        AuditLog writer = audit.log;
        writer.append(drafts(0, 4));
        // the standby's start: it reads the log (4 entries), the writer goes on and signs 8, then the
        // standby reads the newest checkpoint (soak, round 31: it refused every append after its takeover)
        AuditLog standby = new AuditLog(audit.mongo, audit.clock);
        writer.append(drafts(4, 8));
        audit.checkpoints.signIfGrown();
        new CheckpointService(audit.mongo, standby, audit.key, audit.clock, () -> false);

        assertThat(standby.broken()).isNull();
        assertThat(standby.tree().size())
                .as("it read what the writer stored since")
                .isEqualTo(8);
    }

    @Test
    void aLogFoundBrokenOnAPassingViewIsDerivedAfreshWhileARealBreakIsFoundAgain() {
        audit.log.append(drafts(0, 3));
        audit.checkpoints.signIfGrown();
        AuditLog standby = new AuditLog(audit.mongo, audit.clock);
        standby.markBroken("entry at log index 3 is missing (a passing view)");
        standby.rebuild();
        assertThat(standby.broken()).isNull();

        audit.mongo.remove(Query.query(Criteria.where("logIndex").is(2)), AuditEntry.class);
        standby.rebuild();
        new CheckpointService(audit.mongo, standby, audit.key, audit.clock, () -> true);
        assertThat(standby.broken())
                .as("the writer's check after the rebuild")
                .contains("signed but the stored log has only 2");
    }

    private static List<AuditEntry> drafts(long from, long to) {
        return LongStream.range(from, to)
                .mapToObj(i -> Events.draft("e" + i, "iv-1", i))
                .toList();
    }
}
