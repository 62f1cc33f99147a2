package io.sanjiaodi.rectification.query.ledgers;

import io.sanjiaodi.rectification.query.ledgers.LedgerView.HistoryEntry;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.TaskView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.function.Consumer;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * How both halves of the ledgers projection ({@link LedgerProjection}, {@link TaskProjection})
 * change a {@link LedgerView}: every change is guarded by the aggregate sequence number, so an
 * event handled twice (after a crash before the token was stored) changes nothing, and every change
 * is written to the ledger's history.
 */
final class LedgerViews {

    private final MongoTemplate mongo;
    private final LedgerViewBudget budget;

    LedgerViews(MongoTemplate mongo) {
        this.mongo = mongo;
        this.budget = new LedgerViewBudget(mongo.getConverter());
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
        LedgerView view = mongo.findById(ledgerId, LedgerView.class);
        if (view == null) {
            view = new LedgerView();
            view.ledgerId = ledgerId;
        }
        if (view.lastSequence >= seq) {
            return;
        }
        change.accept(view);
        if (view.history == null) {
            view.history = new ArrayList<>();
        }
        view.history.add(new HistoryEntry(seq, type, at, actor, taskId));
        view.lastSequence = seq;
        budget.fit(view);
        mongo.save(view);
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

    /** Forgets every ledger, before the events are replayed. */
    void dropAll() {
        mongo.dropCollection(LedgerView.class);
    }
}
