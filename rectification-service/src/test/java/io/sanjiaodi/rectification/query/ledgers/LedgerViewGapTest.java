package io.sanjiaodi.rectification.query.ledgers;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.rectification.ProgressReported;
import io.sanjiaodi.contracts.rectification.RectificationOpened;
import io.sanjiaodi.contracts.rectification.RectificationOpened.Task;
import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import io.sanjiaodi.contracts.rectification.TaskPlanned;
import io.sanjiaodi.rectification.InMemoryMongo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The ledger view is changed by two projections; a gap left by a lost write is filled from the
 * event store through both of them, so the task planned in the missed event is in the view.
 */
class LedgerViewGapTest {

    static final InMemoryMongo MONGO = new InMemoryMongo();
    static final String L = "ledger-gap";
    static final LocalDate TALK = LocalDate.of(2018, 11, 15);

    final MongoTemplate mongo = MONGO.template("gap-" + System.nanoTime());
    final EventStore store = InMemoryMongo.emptyEventStore();
    final LedgerViews views = new LedgerViews(mongo, store);
    final List<AnnotationEventHandlerAdapter> projections = List.of(
            new AnnotationEventHandlerAdapter(new LedgerProjection(views)),
            new AnnotationEventHandlerAdapter(new TaskProjection(views)));

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @Test
    void aTaskPlannedInAMissedEventIsInTheViewOnceTheNextEventArrives() throws Exception {
        List<DomainEventMessage<?>> events = stored(
                new RectificationOpened(
                        L,
                        "iv-1",
                        "nb-transport",
                        "市交通局",
                        "ningbo",
                        List.of(new Task("task-p1", TaskKind.PROBLEM_RECTIFICATION, "p1", "工程建设", "招投标监管不到位")),
                        TALK,
                        TALK.plusDays(30),
                        TALK.plusMonths(3)),
                new TaskPlanned(L, "task-p1", "nb-transport", "ningbo", "张某", "局办公室", TALK.plusMonths(2), "措施", "UNIT"),
                new ProgressReported(L, "task-p1", "nb-transport", "ningbo", "progress-1", TALK, "一", "UNIT"));

        handle(events.get(0));
        handle(events.get(2)); // the write of the plan was lost

        LedgerView view = mongo.findById(L, LedgerView.class);
        assertThat(view.task("task-p1").responsibleLeader).isEqualTo("张某");
        assertThat(view.task("task-p1").progressReports).hasSize(1);
        assertThat(view.history)
                .extracting(LedgerView.HistoryEntry::event)
                .containsExactly("RectificationOpened", "TaskPlanned", "ProgressReported");
        assertThat(view.lastSequence).isEqualTo(2);
    }

    private void handle(DomainEventMessage<?> event) throws Exception {
        for (AnnotationEventHandlerAdapter projection : projections) {
            if (projection.canHandle(event)) {
                projection.handle(event);
            }
        }
    }

    private List<DomainEventMessage<?>> stored(Object... payloads) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int seq = 0; seq < payloads.length; seq++) {
            events.add(new GenericDomainEventMessage<>("Rectification", L, seq, payloads[seq]));
        }
        store.publish(events);
        return events;
    }
}
