package io.sanjiaodi.supervision.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.rectification.TaskStatus;
import io.sanjiaodi.supervision.testing.MongoWire;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A supervision model that missed events (its write lost after the offset was committed) has
 * them fetched and applied when the next event of its aggregate shows the gap; the events
 * supervisors do not follow move the sequence on, so they never look like a gap.
 */
class SupervisionGapTest {

    private final MongoWire store = new MongoWire();
    private final SupervisionProjector projector = new SupervisionProjector(store.template(), ModelCollections.first());
    private final List<Long> asked = new ArrayList<>();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theEventsALedgerMissedAreFetchedAndAppliedBeforeTheEventThatShowsTheGap() throws Exception {
        RecordedEvent opened = ledger(0, "RectificationOpened", """
                {"ledgerId": "L", "unitId": "yy-hospital", "jurisdictionId": "yuyao",
                 "tasks": [{"taskId": "task-p1", "text": "采购不规范"}]}""");
        RecordedEvent planned = ledger(1, "TaskPlanned", """
                {"ledgerId": "L", "taskId": "task-p1", "deadline": "2019-03-31"}""");
        RecordedEvent requested = ledger(2, "DeadlineExtensionRequested", """
                {"ledgerId": "L", "taskId": "task-p1"}""");
        RecordedEvent verified = ledger(3, "TaskVerified", """
                {"ledgerId": "L", "taskId": "task-p1", "verifiedOn": "2019-03-20"}""");
        projector.apply(opened);

        boolean changed = projector.apply(verified, (next, from) -> {
            asked.add(from);
            return List.of(planned, requested);
        });

        assertThat(changed).isTrue();
        assertThat(asked).containsExactly(1L);
        LedgerRecord ledger = store.template().findById("L", LedgerRecord.class);
        assertThat(ledger.lastSequence).isEqualTo(3);
        LedgerRecord.TaskRecord task = ledger.tasks.get(0);
        assertThat(task.status).isEqualTo(TaskStatus.VERIFIED);
        assertThat(task.deadline).as("from the missed plan").hasToString("2019-03-31");
    }

    @Test
    void eventsSupervisorsDoNotFollowMoveTheSequenceOnSoTheNextOneIsNoGap() throws Exception {
        projector.apply(ledger(0, "RectificationOpened", """
                {"ledgerId": "L", "unitId": "u", "jurisdictionId": "yuyao", "tasks": [{"taskId": "t"}]}"""));
        assertThat(projector.apply(ledger(1, "DeadlineExtensionRequested", "{}"), this::unexpected))
                .as("moving the sequence on is no visible change")
                .isFalse();

        projector.apply(ledger(2, "TaskPlanned", """
                {"ledgerId": "L", "taskId": "t", "deadline": "2019-03-31"}"""), this::unexpected);

        assertThat(asked).isEmpty();
        assertThat(store.template().findById("L", LedgerRecord.class).lastSequence)
                .isEqualTo(2);
    }

    @Test
    void anUnfollowedEventOfAnAggregateWithoutAModelStartsNoModel() throws Exception {
        assertThat(projector.apply(ledger(1, "DeadlineExtensionRequested", "{}"), this::unexpected))
                .isFalse();

        assertThat(store.template().findById("L", LedgerRecord.class)).isNull();
    }

    @Test
    void aModelWhoseFirstEventsWereMissedIsBuiltFromTheFirstEventOn() throws Exception {
        RecordedEvent opened = ledger(0, "RectificationOpened", """
                {"ledgerId": "L", "unitId": "yy-hospital", "jurisdictionId": "yuyao", "tasks": [{"taskId": "t"}]}""");

        projector.apply(ledger(1, "TaskPlanned", """
                {"ledgerId": "L", "taskId": "t", "deadline": "2019-03-31"}"""), (next, from) -> {
            asked.add(from);
            return List.of(opened);
        });

        assertThat(asked).containsExactly(0L);
        LedgerRecord ledger = store.template().findById("L", LedgerRecord.class);
        assertThat(ledger.unitId).isEqualTo("yy-hospital");
        assertThat(ledger.tasks.get(0).deadline).hasToString("2019-03-31");
    }

    private List<RecordedEvent> unexpected(RecordedEvent next, long from) {
        asked.add(from);
        return List.of();
    }

    private static RecordedEvent ledger(long seq, String type, String json) throws Exception {
        return new RecordedEvent(
                "e" + seq,
                type,
                "L",
                seq,
                Instant.parse("2019-03-01T08:00:00Z").plusSeconds(seq),
                EventPayloads.read(type, json.getBytes(StandardCharsets.UTF_8)),
                "Rectification");
    }
}
