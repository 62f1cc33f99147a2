package io.sanjiaodi.supervision.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.sanjiaodi.supervision.testing.MongoWire;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What one call of the projector reads and writes: a single event is one read and one save, a
 * batch one query and one bulk write per model type, and the sequence guard decides what changes.
 */
class SupervisionProjectorBatchTest {

    private final MongoWire store = new MongoWire();
    private final MongoTemplate mongo = spy(store.template());
    private final SupervisionProjector projector = new SupervisionProjector(mongo, ModelCollections.first());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anEventThatChangedAModelIsReportedAndARedeliveryOfItOrAnUnfollowedEventIsNot() throws Exception {
        assertThat(projector.apply(scheduled("s1", "iv-1", 1, "2019-03-01"))).isTrue();
        assertThat(projector.apply(scheduled("s1", "iv-1", 1, "2019-03-01"))).isFalse();
        assertThat(projector.apply(scheduled("s0", "iv-1", 0, "2019-02-01"))).isFalse();
        assertThat(projector.apply(opened("o1", "ledger-1", 0))).isTrue();
        assertThat(projector.apply(opened("o1", "ledger-1", 0))).isFalse();
        assertThat(projector.apply(new RecordedEvent("x", "ProblemItemAdded", "iv-1", 2, Instant.now(), null)))
                .isFalse();

        InterviewRecord interview = store.template().findById("iv-1", InterviewRecord.class);
        assertThat(interview.plannedDate).hasToString("2019-03-01");
        assertThat(interview.lastSequence).isEqualTo(1);
    }

    @Test
    void aSingleEventIsOneReadByIdAndOneSave() throws Exception {
        projector.apply(scheduled("s1", "iv-1", 1, "2019-03-01"));

        verify(mongo).findById("iv-1", InterviewRecord.class, "sup_interviews");
        verify(mongo, never()).find(any(Query.class), eq(InterviewRecord.class), anyString());
        verify(mongo).save(any(InterviewRecord.class), eq("sup_interviews"));
        verify(mongo, never()).bulkOps(any(BulkOperations.BulkMode.class), any(Class.class), anyString());
    }

    @Test
    void aBatchReadsEachModelTypeOnceAndWritesItsChangesInOneBulkWritePerType() throws Exception {
        projector.applyAll(List.of(opened("o1", "ledger-1", 0), scheduled("s1", "iv-1", 1, "2019-03-01")));
        clearInvocations(mongo);

        List<RecordedEvent> changed = projector.applyAll(List.of(
                scheduled("s2", "iv-1", 2, "2019-04-01"),
                scheduled("s3", "iv-2", 1, "2019-04-02"),
                planned("p1", "ledger-1", 1, "t1"),
                opened("o2", "ledger-2", 0),
                planned("p2", "ledger-2", 1, "t1"),
                planned("p2", "ledger-2", 1, "t1")));

        assertThat(changed).extracting(RecordedEvent::eventId).containsExactly("s2", "s3", "p1", "o2", "p2");
        verify(mongo).find(any(Query.class), eq(InterviewRecord.class), eq("sup_interviews"));
        verify(mongo).find(any(Query.class), eq(LedgerRecord.class), eq("sup_ledgers"));
        verify(mongo, never()).findById(anyString(), any(Class.class), anyString());
        verify(mongo, times(1)).bulkOps(BulkOperations.BulkMode.UNORDERED, InterviewRecord.class, "sup_interviews");
        verify(mongo, times(1)).bulkOps(BulkOperations.BulkMode.UNORDERED, LedgerRecord.class, "sup_ledgers");
        verify(mongo, never()).save(any(), anyString());

        MongoTemplate stored = store.template();
        assertThat(stored.findById("iv-1", InterviewRecord.class).plannedDate).hasToString("2019-04-01");
        assertThat(stored.findById("iv-1", InterviewRecord.class).status).isEqualTo("SCHEDULED");
        assertThat(stored.findById("iv-2", InterviewRecord.class).lastSequence).isEqualTo(1);
        LedgerRecord first = stored.findById("ledger-1", LedgerRecord.class);
        assertThat(first.unitId).isEqualTo("yy-hospital");
        assertThat(first.tasks).extracting(t -> t.taskId).containsExactly("t0", "t1");
        assertThat(first.lastSequence).isEqualTo(1);
        assertThat(stored.findById("ledger-2", LedgerRecord.class).task("t1").history)
                .extracting(LedgerRecord.Step::eventId)
                .containsExactly("p2");
        assertThat(stored.findAll(LedgerRecord.class)).hasSize(2);
        assertThat(stored.findAll(InterviewRecord.class)).hasSize(2);
    }

    @Test
    void aBatchOfInterviewsOnlyWritesNoLedgersAndABatchThatChangedNothingWritesNothing() throws Exception {
        projector.applyAll(List.of(scheduled("s1", "iv-1", 1, "2019-03-01"), scheduled("s2", "iv-2", 1, "2019-03-02")));

        verify(mongo, never()).bulkOps(any(BulkOperations.BulkMode.class), eq(LedgerRecord.class), anyString());
        assertThat(store.template().findAll(InterviewRecord.class)).hasSize(2);
        clearInvocations(mongo);

        assertThat(projector.applyAll(
                        List.of(scheduled("s1", "iv-1", 1, "2019-03-01"), scheduled("s2", "iv-2", 1, "2019-03-02"))))
                .isEmpty();
        verify(mongo, never()).bulkOps(any(BulkOperations.BulkMode.class), any(Class.class), anyString());
        verify(mongo, never()).save(any(), anyString());
    }

    @Test
    void aNewLedgerIsOpenedOnTheDayOfItsFirstEvent() throws Exception {
        projector.apply(new RecordedEvent(
                "o1",
                "RectificationOpened",
                "ledger-1",
                0,
                Instant.parse("2019-03-01T23:30:00Z"),
                EventPayloads.read(
                        "RectificationOpened", "{\"ledgerId\": \"ledger-1\"}".getBytes(StandardCharsets.UTF_8))));

        LedgerRecord ledger = store.template().findById("ledger-1", LedgerRecord.class);
        assertThat(ledger.openedOn).hasToString("2019-03-01");
        assertThat(ledger.year).isEqualTo(2019);
    }

    @Test
    void aResetDropsTheInterviewsAndTheLedgers() throws Exception {
        projector.applyAll(List.of(opened("o1", "ledger-1", 0), scheduled("s1", "iv-1", 1, "2019-03-01")));

        projector.reset();

        assertThat(store.template().findAll(LedgerRecord.class)).isEmpty();
        assertThat(store.template().findAll(InterviewRecord.class)).isEmpty();
        assertThat(projector.apply(scheduled("s1", "iv-1", 1, "2019-03-01"))).isTrue();
    }

    private static RecordedEvent scheduled(String id, String interviewId, long seq, String date) throws Exception {
        return event(id, "InterviewScheduled", interviewId, seq, """
                {"interviewId": "%s", "plannedDate": "%s",
                 "interviewee": {"unitId": "yy-hospital", "jurisdictionId": "yuyao"}}""".formatted(interviewId, date));
    }

    private static RecordedEvent opened(String id, String ledgerId, long seq) throws Exception {
        return event(id, "RectificationOpened", ledgerId, seq, """
                {"ledgerId": "%s", "unitId": "yy-hospital", "jurisdictionId": "yuyao", "conductedOn": "2019-03-01",
                 "tasks": [{"taskId": "t0"}]}""".formatted(ledgerId));
    }

    private static RecordedEvent planned(String id, String ledgerId, long seq, String taskId) throws Exception {
        return event(id, "TaskPlanned", ledgerId, seq, """
                {"ledgerId": "%s", "taskId": "%s", "deadline": "2019-04-30"}""".formatted(ledgerId, taskId));
    }

    private static RecordedEvent event(String id, String type, String aggregate, long seq, String payload)
            throws Exception {
        return new RecordedEvent(
                id,
                type,
                aggregate,
                seq,
                Instant.parse("2019-03-01T08:00:00Z").plusSeconds(seq),
                EventPayloads.read(type, payload.getBytes(StandardCharsets.UTF_8)));
    }
}
