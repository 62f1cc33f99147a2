package io.sanjiaodi.audit.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.audit.AuditFixture;
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
}
