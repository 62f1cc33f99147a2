package io.sanjiaodi.rectification.query.ledgers;

import io.sanjiaodi.rectification.query.ledgers.LedgerView.Abridged;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.Progress;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.TaskView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * Keeps a ledger's view within one MongoDB document. MongoDB refuses a document past 16 MB, and a
 * refused save stops the ledger projection for every ledger behind it; the limits on counts bound a
 * ledger but not its history, which grows with every event. The view's exact BSON size is measured
 * before each save (an estimate from some fields would miss the others: evaluations, cases, sub-tasks;
 * encoding a view of a few kilobytes costs far less than its round trip to MongoDB); past the budget the
 * oldest history entries go first, then the texts of the oldest progress reports, until it fits, and
 * the view says what it left out. The events keep everything.
 */
final class LedgerViewBudget {

    /** Below MongoDB's 16 MiB with room for the server's own overhead and a growing next event. */
    static final int MAX_BYTES = 12 * 1024 * 1024;

    /** History entries kept when the view must shrink: enough for every screen that shows history. */
    static final int HISTORY_KEPT = 1_000;

    private final MongoConverter converter;

    LedgerViewBudget(MongoConverter converter) {
        this.converter = converter;
    }

    void fit(LedgerView view) {
        if (bsonBytes(view) <= MAX_BYTES) {
            return;
        }
        int historyLeftOut = 0;
        int textsLeftOut = 0;
        if (view.history.size() > HISTORY_KEPT) {
            historyLeftOut = view.history.size() - HISTORY_KEPT;
            view.history = new ArrayList<>(view.history.subList(historyLeftOut, view.history.size()));
        }
        List<Located> oldestFirst = progressWithText(view);
        int next = 0;
        while (bsonBytes(view) > MAX_BYTES && next < oldestFirst.size()) {
            // a batch at a time: re-encoding the whole view after every single text would be quadratic
            for (int end = Math.min(oldestFirst.size(), next + 16); next < end; next++) {
                oldestFirst.get(next).dropText();
                textsLeftOut++;
            }
        }
        if (historyLeftOut > 0 || textsLeftOut > 0) {
            Abridged before = view.abridged == null ? new Abridged(0, 0) : view.abridged;
            view.abridged =
                    new Abridged(before.historyEntries() + historyLeftOut, before.progressTexts() + textsLeftOut);
        }
    }

    private int bsonBytes(LedgerView view) {
        Document document = new Document();
        converter.write(view, document);
        return new RawBsonDocument(document, new DocumentCodec())
                .getByteBuffer()
                .remaining();
    }

    /** A progress report with its text, where it sits, so the text can be dropped in place. */
    private record Located(TaskView task, int index, Progress progress) {
        void dropText() {
            task.progressReports.set(index, new Progress(progress.reportId(), progress.reportedOn(), null));
        }
    }

    private static List<Located> progressWithText(LedgerView view) {
        List<Located> all = new ArrayList<>();
        for (TaskView task : view.tasks) {
            for (int i = 0; i < task.progressReports.size(); i++) {
                Progress progress = task.progressReports.get(i);
                if (progress.text() != null) {
                    all.add(new Located(task, i, progress));
                }
            }
        }
        all.sort(Comparator.comparing(
                        (Located l) -> l.progress().reportedOn(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(l -> l.index()));
        return all;
    }
}
