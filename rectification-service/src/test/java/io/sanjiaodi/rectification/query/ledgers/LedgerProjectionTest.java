package io.sanjiaodi.rectification.query.ledgers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.contracts.rectification.RectificationOpened.Task;
import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.TaskRating;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.InMemoryMongo;
import io.sanjiaodi.rectification.InMemoryMongo.MovableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerProjectionTest {

    static final InMemoryMongo MONGO = new InMemoryMongo();
    static final String L = "ledger-iv-1";
    static final LocalDate TALK = LocalDate.of(2018, 11, 15);
    static final LocalDate DEADLINE = LocalDate.of(2019, 3, 31);
    static final Instant AT = Instant.parse("2018-11-15T08:00:00Z");

    final org.springframework.data.mongodb.core.MongoTemplate mongo = MONGO.template("projection-" + System.nanoTime());
    final MovableClock clock = new MovableClock(LocalDate.of(2018, 12, 1));
    final LedgerViews views = new LedgerViews(mongo, InMemoryMongo.emptyEventStore());
    final LedgerProjection projection = new LedgerProjection(views);
    final TaskProjection tasks = new TaskProjection(views);
    final LedgerQueries queries = new LedgerQueries(mongo, clock, InMemoryMongo.thresholds());

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @BeforeEach
    void open() {
        projection.on(
                new RectificationOpened(
                        L,
                        "iv-1",
                        "nb-transport",
                        "市交通局",
                        "ningbo",
                        List.of(
                                new Task("task-p1", TaskKind.PROBLEM_RECTIFICATION, "p1", "工程建设", "招投标监管不到位"),
                                new Task("task-k1", TaskKind.RISK_PREVENTION, "k1", "道路运输", "运输许可审批风险"),
                                new Task("task-d1", TaskKind.DUTY, "d1", null, "专题研究")),
                        TALK,
                        TALK.plusDays(30),
                        TALK.plusMonths(3)),
                0,
                AT);
    }

    private TaskPlanned planned(String taskId, LocalDate deadline) {
        return new TaskPlanned(L, taskId, "nb-transport", "ningbo", "张某", "局办公室", deadline, "措施", "UNIT");
    }

    @Test
    void theOpenedLedgerKeepsTheFieldsClientsAlreadyUseAndItsDueDates() {
        LedgerView view = queries.find("iv-1", null).get(0);
        assertThat(view.ledgerId).isEqualTo(L);
        assertThat(view.unitName).isEqualTo("市交通局");
        assertThat(view.tasks)
                .extracting(t -> t.kind.name())
                .containsExactly("PROBLEM_RECTIFICATION", "RISK_PREVENTION", "DUTY");
        assertThat(view.planDueOn).isEqualTo(LocalDate.of(2018, 12, 15));
        assertThat(view.writtenReport.dueOn).isEqualTo(LocalDate.of(2019, 2, 15));
        assertThat(view.status).isEqualTo(LedgerView.LedgerStatus.OPEN);
        assertThat(view.history).extracting(LedgerView.HistoryEntry::event).containsExactly("RectificationOpened");
    }

    @Test
    void anEventHandledTwiceChangesNothing() {
        tasks.on(new ProgressReported(L, "task-p1", "nb-transport", "ningbo", "progress-1", TALK, "一", "UNIT"), 1, AT);
        tasks.on(new ProgressReported(L, "task-p1", "nb-transport", "ningbo", "progress-1", TALK, "一", "UNIT"), 1, AT);
        LedgerView view = queries.get(L);
        assertThat(view.task("task-p1").progressReports).hasSize(1);
        assertThat(view.history).hasSize(2);
    }

    @Test
    void planExtensionAndOriginalDeadlineAreShown() {
        tasks.on(planned("task-p1", DEADLINE), 1, AT);
        tasks.on(
                new DeadlineExtensionRequested(
                        L, "task-p1", "nb-transport", "ningbo", DEADLINE, DEADLINE.plusMonths(1), "范围扩大", "UNIT"),
                2,
                AT);
        assertThat(queries.get(L).task("task-p1").pendingExtension.requestedDeadline())
                .isEqualTo(DEADLINE.plusMonths(1));
        tasks.on(
                new DeadlineExtensionApproved(
                        L,
                        "task-p1",
                        "nb-transport",
                        "ningbo",
                        DEADLINE,
                        DEADLINE,
                        DEADLINE.plusMonths(1),
                        "同意",
                        "SUPERVISOR"),
                3,
                AT);
        LedgerView.TaskView task = queries.get(L).task("task-p1");
        assertThat(task.deadline).isEqualTo(DEADLINE.plusMonths(1));
        assertThat(task.originalDeadline).isEqualTo(DEADLINE);
        assertThat(task.pendingExtension).isNull();
        assertThat(task.extensions)
                .singleElement()
                .extracting(LedgerView.Extension::decision)
                .isEqualTo("APPROVED");
        assertThat(queries.get(L).history)
                .extracting(LedgerView.HistoryEntry::actorRole)
                .containsExactly(null, "UNIT", "UNIT", "SUPERVISOR");
    }

    @Test
    void aTaskIsOpenUntilPlannedAndAFailedCheckPutsItBackToPlanned() {
        assertThat(queries.get(L).task("task-p1").status).isEqualTo(TaskStatus.OPEN);
        tasks.on(planned("task-p1", DEADLINE), 1, AT);
        assertThat(queries.get(L).task("task-p1").status).isEqualTo(TaskStatus.PLANNED);
        tasks.on(new TaskVerified(L, "task-p1", "nb-transport", "ningbo", DEADLINE, "", "SUPERVISOR"), 2, AT);
        tasks.on(
                new TaskPlanRevised(L, "task-p1", "nb-transport", "ningbo", 1, "李某", "局办公室", "措施二", "分工调整", "UNIT"),
                3,
                AT);
        assertThat(queries.get(L).task("task-p1").status).isEqualTo(TaskStatus.VERIFIED);
        tasks.on(
                new TaskVerificationFailed(L, "task-p1", "nb-transport", "ningbo", DEADLINE, "反弹", true, "SUPERVISOR"),
                4,
                AT);
        LedgerView.TaskView task = queries.get(L).task("task-p1");
        assertThat(task.status).isEqualTo(TaskStatus.PLANNED);
        assertThat(task.verifiedOn).isNull();
        assertThat(task.lastFailedCheck).isEqualTo("反弹");
    }

    @Test
    void subTaskProgressRollsUpToTheTask() {
        tasks.on(planned("task-p1", DEADLINE), 1, AT);
        tasks.on(
                new TaskCascaded(
                        L,
                        "task-p1",
                        "nb-transport",
                        "ningbo",
                        List.of(
                                new TaskCascaded.SubTask("task-p1-nb-port", "nb-port", "港航", DEADLINE),
                                new TaskCascaded.SubTask("task-p1-nb-road", "nb-road", "运管", DEADLINE)),
                        "UNIT"),
                2,
                AT);
        tasks.on(
                new SubTaskCompleted(
                        L,
                        "task-p1",
                        "task-p1-nb-port",
                        "nb-port",
                        "nb-transport",
                        "ningbo",
                        TALK.plusDays(1),
                        "",
                        "UNIT"),
                3,
                AT);
        assertThat(queries.get(L).task("task-p1").rollUp).isEqualTo(new LedgerView.RollUp(1, 2));
    }

    @Test
    void warningLevelsFollowTheClockYellowOrangeRed() {
        tasks.on(planned("task-p1", DEADLINE), 1, AT);
        clock.set(DEADLINE.minusDays(21));
        assertThat(queries.get(L).task("task-p1").warningLevel).isEqualTo("NONE");
        clock.set(DEADLINE.minusDays(20));
        assertThat(queries.get(L).task("task-p1").warningLevel).isEqualTo("YELLOW");
        clock.set(DEADLINE.minusDays(10));
        assertThat(queries.warnings(L))
                .singleElement()
                .extracting(LedgerQueries.TaskWarning::level)
                .isEqualTo(WarningLevel.ORANGE);
        clock.set(DEADLINE.plusDays(1));
        assertThat(queries.warnings(WarningLevel.RED, "ningbo"))
                .extracting(LedgerQueries.TaskWarning::taskId)
                .containsExactly("task-p1");
        assertThat(queries.warnings(WarningLevel.RED, "yuyao")).isEmpty();
        tasks.on(new TaskVerified(L, "task-p1", "nb-transport", "ningbo", DEADLINE, "", "SUPERVISOR"), 2, AT);
        assertThat(queries.warnings(L)).isEmpty();
    }

    @Test
    void theReconciliationListsTasksWithoutPlanOwnerOverdueAndUnverified() {
        tasks.on(planned("task-p1", DEADLINE), 1, AT);
        tasks.on(planned("task-k1", DEADLINE.plusMonths(6)), 2, AT);
        tasks.on(new TaskBecameOverdue(L, "task-p1", "nb-transport", "ningbo", DEADLINE, DEADLINE.plusDays(1)), 3, AT);
        projection.on(
                new StageEvaluationRecorded(
                        L,
                        "nb-transport",
                        "ningbo",
                        "stage-1",
                        DEADLINE,
                        List.of(new TaskRating("task-p1", Rating.NOT_RECTIFIED, "未整改")),
                        "SUPERVISOR"),
                4,
                AT,
                "event-StageEvaluationRecorded");
        clock.set(DEADLINE.plusDays(2));
        LedgerQueries.Reconciliation r = queries.reconciliation(L);
        assertThat(r.withoutPlan()).containsExactly("task-d1");
        assertThat(r.withoutOwner()).containsExactly("task-d1");
        assertThat(r.overdue()).containsExactly("task-p1");
        assertThat(r.unverified()).containsExactly("task-p1", "task-k1", "task-d1");
        assertThat(r.ratedNotRectified()).containsExactly("task-p1");
        assertThat(r.writtenReportOverdue()).isTrue();
        assertThat(r.trackingEvaluationFiled()).isFalse();
    }

    @Test
    void theSweeperIsOfferedWhatIsPastDueAndNotYetMarked() {
        tasks.on(planned("task-p1", DEADLINE), 1, AT);
        tasks.on(planned("task-k1", DEADLINE.plusDays(5)), 2, AT);
        assertThat(queries.dueOn(DEADLINE)).singleElement().satisfies(d -> {
            assertThat(d.overdueTaskIds()).isEmpty();
            assertThat(d.writtenReportOverdue()).isTrue();
        });
        projection.on(
                new WrittenReportBecameOverdue(
                        L,
                        "iv-1",
                        "nb-transport",
                        "ningbo",
                        TALK.plusMonths(3),
                        TALK.plusMonths(3).plusDays(1)),
                3,
                AT);
        assertThat(queries.dueOn(DEADLINE.plusDays(1)))
                .singleElement()
                .satisfies(d -> assertThat(d.overdueTaskIds()).containsExactly("task-p1"));
        tasks.on(new TaskBecameOverdue(L, "task-p1", "nb-transport", "ningbo", DEADLINE, DEADLINE.plusDays(1)), 4, AT);
        assertThat(queries.dueOn(DEADLINE.plusDays(1))).isEmpty();
        assertThat(queries.overdue("ningbo"))
                .extracting(LedgerQueries.TaskWarning::taskId)
                .containsExactly("task-p1");
        assertThat(queries.lateWrittenReports("ningbo"))
                .singleElement()
                .satisfies(late -> assertThat(late.overdue()).isTrue());
    }

    @Test
    void aClosedLedgerIsShownClosedAndLeavesTheSweep() {
        projection.on(new RectificationClosed(L, "iv-1", "nb-transport", "ningbo", 3, DEADLINE), 1, AT);
        assertThat(queries.get(L).status).isEqualTo(LedgerView.LedgerStatus.CLOSED);
        assertThat(queries.dueOn(DEADLINE.plusYears(1))).isEmpty();
    }

    @Test
    void anUnknownLedgerIsNotFound() {
        assertThatThrownBy(() -> queries.get("ledger-nope"))
                .isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).code())
                .isEqualTo("LEDGER_NOT_FOUND");
    }
}
