package io.sanjiaodi.rectification.query.ledgers;

import io.sanjiaodi.platform.axon.BatchedViews;
import io.sanjiaodi.platform.axon.SequenceGaps;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.HistoryEntry;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.TaskView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.function.Consumer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * How both halves of the ledgers projection ({@link LedgerProjection}, {@link TaskProjection})
 * change a {@link LedgerView}: every change is guarded by the aggregate sequence number, so an
 * event handled twice (after a crash before the token was stored) changes nothing, an event that
 * arrives past a gap first has the missed ones re-applied from the event store through both halves
 * ({@link SequenceGaps}), and every change is written to the ledger's history. A processor's batch
 * reads and writes its ledgers once ({@link BatchedViews}).
 */
@Component
public final class LedgerViews {

    private final MongoTemplate mongo;
    private final LedgerViewBudget budget;
    private final BatchedViews<LedgerView> views;
    private final SequenceGaps gaps;

    public LedgerViews(MongoTemplate mongo, EventStore events) {
        this.mongo = mongo;
        this.budget = new LedgerViewBudget(mongo.getConverter());
        this.views = new BatchedViews<>(mongo, LedgerView.class, v -> v.ledgerId);
        this.gaps = new SequenceGaps(events, "ledgers");
    }

    /** Each half of the projection registers itself, so that a gap is filled through both. */
    LedgerViews handledBy(Object projection) {
        gaps.handledBy(projection);
        return this;
    }

    /** Changes the ledger's view for event {@code type} number {@code seq}, unless that was done already. */
    void change(
            String ledgerId,
            long seq,
            Instant at,
            String type,
            String actor,
            String taskId,
            Consumer<LedgerView> change) {
        LedgerView view = load(ledgerId);
        if (gaps.fill(ledgerId, view.lastSequence, seq)) {
            view = load(ledgerId);
        }
        if (view.lastSequence >= seq) {
            return;
        }
        // the event being handled; in a gap fill the newest event, which the view then ends at
        view.lastEventId =
                CurrentUnitOfWork.map(uow -> uow.getMessage().getIdentifier()).orElse(view.lastEventId);
        change.accept(view);
        if (view.history == null) {
            view.history = new ArrayList<>();
        }
        view.history.add(new HistoryEntry(seq, type, at, actor, taskId));
        view.lastSequence = seq;
        budget.fit(view);
        views.save(view);
    }

    /** Changes one task of the ledger; the event is recorded in the history even if the task is unknown. */
    void changeTask(
            String ledgerId,
            String taskId,
            long seq,
            Instant at,
            String type,
            String actor,
            Consumer<TaskView> change) {
        change(ledgerId, seq, at, type, actor, taskId, v -> {
            TaskView task = v.task(taskId);
            if (task != null) {
                change.accept(task);
            }
        });
    }

    private LedgerView load(String ledgerId) {
        LedgerView view = views.find(ledgerId);
        if (view == null) {
            view = new LedgerView();
            view.ledgerId = ledgerId;
        }
        return view;
    }

    /** Forgets every ledger, before the events are replayed. */
    void dropAll() {
        mongo.dropCollection(LedgerView.class);
    }
}
