package io.sanjiaodi.rectification.query.ledgers;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.rectification.ProgressReported;
import io.sanjiaodi.contracts.rectification.RectificationOpened;
import io.sanjiaodi.contracts.rectification.RectificationOpened.Task;
import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import io.sanjiaodi.contracts.rectification.TaskPlanned;
import io.sanjiaodi.contracts.rectification.WrittenReportFiled;
import io.sanjiaodi.rectification.InMemoryMongo;
import io.sanjiaodi.rectification.InMemoryMongo.MovableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A ledger's view is one MongoDB document, and MongoDB refuses documents past 16 MB: a ledger that
 * outgrew it used to stop the ledger projection for every ledger behind it. The view now abridges
 * itself (oldest history first, then the oldest progress texts) and says so; nothing is lost, since
 * the events keep everything.
 */
class LedgerViewSizeTest {

    static final InMemoryMongo MONGO = new InMemoryMongo();
    static final String L = "ledger-big";
    static final LocalDate TALK = LocalDate.of(2018, 11, 15);
    static final Instant AT = Instant.parse("2018-11-15T08:00:00Z");

    final MongoTemplate mongo = MONGO.template("size-" + System.nanoTime());
    final LedgerViews views = new LedgerViews(mongo, InMemoryMongo.emptyEventStore());
    final LedgerProjection projection = new LedgerProjection(views);
    final TaskProjection tasks = new TaskProjection(views);
    final LedgerQueries queries =
            new LedgerQueries(mongo, new MovableClock(LocalDate.of(2018, 12, 1)), InMemoryMongo.thresholds());

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @Test
    void aLedgerPastMongosDocumentLimitIsAbridgedAndTheProjectionGoesOn() {
        projection.on(
                new RectificationOpened(
                        L,
                        "iv-big",
                        "nb-transport",
                        "市交通局",
                        "ningbo",
                        List.of(new Task("task-1", TaskKind.PROBLEM_RECTIFICATION, "p1", "工程建设", "招投标监管不到位")),
                        TALK,
                        TALK.plusDays(30),
                        TALK.plusMonths(3)),
                0,
                AT);
        tasks.on(
                new TaskPlanned(L, "task-1", "nb-transport", "ningbo", "张某", "局办公室", TALK.plusMonths(2), "措施", "UNIT"),
                1,
                AT);
        String text = "整".repeat(20_000); // 60 KB in UTF-8
        int reports = 300; // 18 MB of progress text: past MongoDB's 16 MB
        for (int n = 0; n < reports; n++) {
            tasks.on(
                    new ProgressReported(L, "task-1", "nb-transport", "ningbo", "progress-" + n, TALK, text, "UNIT"),
                    n + 2,
                    AT);
        }
        projection.on(
                new WrittenReportFiled(
                        L,
                        "iv-big",
                        "nb-transport",
                        "ningbo",
                        "甬交纪〔2019〕1号",
                        "整改情况报告",
                        "摘要",
                        TALK.plusDays(45),
                        TALK.plusDays(40),
                        false,
                        "UNIT"),
                reports + 2,
                AT,
                "event-WrittenReportFiled");

        LedgerView view = mongo.findById(L, LedgerView.class);
        assertThat(view.lastSequence).as("every event applied").isEqualTo(reports + 2);
        assertThat(view.writtenReport.registrationNumber).isEqualTo("甬交纪〔2019〕1号");
        LedgerView.TaskView task = view.task("task-1");
        assertThat(task.progressReports).hasSize(reports);
        assertThat(task.progressReports.get(reports - 1).text())
                .as("the newest kept")
                .isEqualTo(text);
        assertThat(task.progressReports.get(0).text()).as("the oldest abridged").isNull();
        assertThat(view.abridged).isNotNull();
        assertThat(view.abridged.progressTexts()).isPositive();
        assertThat(queries.find("iv-big", null)).hasSize(1);
    }
}
