package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;

import io.sanjiaodi.contracts.rectification.EvidenceAttached;
import io.sanjiaodi.contracts.rectification.ProgressReported;
import io.sanjiaodi.contracts.rectification.RegulationRecorded;
import io.sanjiaodi.contracts.rectification.RegulationRecorded.RegulationAction;
import io.sanjiaodi.contracts.rectification.TaskCascaded;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/**
 * A task takes at most {@code sanjiaodi.limits.*} progress reports, evidence files, regulations and
 * sub-tasks (the values the services run with): one short of a limit takes one more; at the limit
 * the ledger refuses with the limit's code and records nothing.
 */
class LedgerLimitsTest {

    private final FixtureConfiguration<Rectification> fixture = Given.ledger();

    private static final LocalDate ISSUED = LocalDate.of(2019, 4, 15);
    private static final LocalDate SUB_DUE = LocalDate.of(2019, 5, 31);

    /** The opened ledger (and what {@code before} adds), then {@code count} events made by {@code event}. */
    private static List<Object> openedWith(List<Object> before, int count, IntFunction<Object> event) {
        List<Object> events = new ArrayList<>();
        events.add(OPENED);
        events.addAll(before);
        IntStream.rangeClosed(1, count).forEach(n -> events.add(event.apply(n)));
        return events;
    }

    private static ProgressReported progress(int n) {
        return new ProgressReported(L, "task-p1", UNIT, JUR, "progress-" + n, TODAY, "进展 " + n, "UNIT");
    }

    private static EvidenceAttached evidence(int n) {
        return new EvidenceAttached(
                L, "task-p1", UNIT, JUR, "ev-" + n, n + ".pdf", "application/pdf", 12, "ab", TODAY, "UNIT");
    }

    private static AttachEvidence attach(int n) {
        return new AttachEvidence(
                LEDGER, "task-p1", "ev-" + n, n + ".pdf", "application/pdf", 12, "ab", TODAY, ActorRole.UNIT);
    }

    private static RegulationRecorded regulation(int n, List<String> taskIds) {
        return new RegulationRecorded(
                L, UNIT, JUR, "reg-" + n, "制度 " + n, RegulationAction.ESTABLISHED, ISSUED, taskIds, "UNIT");
    }

    private static RecordRegulation record(int n, List<String> taskIds) {
        return new RecordRegulation(LEDGER, "制度 " + n, RegulationAction.ESTABLISHED, ISSUED, taskIds, ActorRole.UNIT);
    }

    private static TaskCascaded.SubTask subTask(int n) {
        return new TaskCascaded.SubTask("task-p1-unit-" + n, "unit-" + n, "", SUB_DUE);
    }

    private static CascadeTask cascade(int from, int count) {
        List<SubTaskSpec> specs = IntStream.range(from, from + count)
                .mapToObj(n -> new SubTaskSpec("unit-" + n, "", SUB_DUE))
                .toList();
        return new CascadeTask(LEDGER, "task-p1", specs, ActorRole.UNIT);
    }

    @Test
    void aTaskOneReportShortOfTheLimitTakesOneMoreProgressReport() {
        int limit = LIMITS.progressReportsPerTask();
        fixture.given(openedWith(List.of(), limit - 1, LedgerLimitsTest::progress))
                .when(new ReportProgress(LEDGER, "task-p1", "进展", TODAY, ActorRole.UNIT))
                .expectEvents(new ProgressReported(L, "task-p1", UNIT, JUR, "progress-" + limit, TODAY, "进展", "UNIT"));
    }

    @Test
    void aTaskAtTheLimitRefusesTheNextProgressReportButAnotherTaskStillTakesOne() {
        int limit = LIMITS.progressReportsPerTask();
        refused(
                fixture.given(openedWith(List.of(), limit, LedgerLimitsTest::progress))
                        .when(new ReportProgress(LEDGER, "task-p1", "进展", TODAY, ActorRole.UNIT)),
                "TOO_MANY_PROGRESS_REPORTS",
                Refusal.Kind.UNPROCESSABLE);
        Given.ledger()
                .given(openedWith(List.of(), limit, LedgerLimitsTest::progress))
                .when(new ReportProgress(LEDGER, "task-r1", "进展", TODAY, ActorRole.UNIT))
                .expectEvents(
                        new ProgressReported(L, "task-r1", UNIT, JUR, "progress-" + (limit + 1), TODAY, "进展", "UNIT"));
    }

    @Test
    void aTaskOneFileShortOfTheLimitTakesOneMoreEvidenceFile() {
        int limit = LIMITS.evidencePerTask();
        fixture.given(openedWith(List.of(), limit - 1, LedgerLimitsTest::evidence))
                .when(attach(limit))
                .expectEvents(evidence(limit));
    }

    @Test
    void aTaskAtTheLimitRefusesTheNextEvidenceFile() {
        int limit = LIMITS.evidencePerTask();
        refused(
                fixture.given(openedWith(List.of(), limit, LedgerLimitsTest::evidence))
                        .when(attach(limit + 1)),
                "TOO_MANY_EVIDENCE",
                Refusal.Kind.UNPROCESSABLE);
    }

    @Test
    void aTaskOneRegulationShortOfTheLimitTakesOneMore() {
        int limit = LIMITS.regulationsPerTask();
        fixture.given(openedWith(List.of(), limit - 1, n -> regulation(n, List.of("task-p1"))))
                .when(record(limit, List.of("task-p1", "task-r1")))
                .expectEvents(regulation(limit, List.of("task-p1", "task-r1")));
    }

    @Test
    void aRegulationNamingATaskAtTheLimitIsRefusedEvenWithOtherTasksBeside() {
        int limit = LIMITS.regulationsPerTask();
        refused(
                fixture.given(openedWith(List.of(), limit, n -> regulation(n, List.of("task-p1"))))
                        .when(record(limit + 1, List.of("task-r1", "task-p1"))),
                "TOO_MANY_REGULATIONS",
                Refusal.Kind.UNPROCESSABLE);
    }

    @Test
    void regulationsNamingNoTaskAreLimitedLikeThoseOfOneTask() {
        int limit = LIMITS.regulationsPerTask();
        refused(
                fixture.given(openedWith(List.of(), limit, n -> regulation(n, List.of())))
                        .when(record(limit + 1, List.of())),
                "TOO_MANY_REGULATIONS",
                Refusal.Kind.UNPROCESSABLE);
        Given.ledger()
                .given(openedWith(List.of(), limit - 1, n -> regulation(n, List.of())))
                .when(record(limit, List.of()))
                .expectEvents(regulation(limit, List.of()));
    }

    @Test
    void aTaskOneSubTaskShortOfTheLimitIsCascadedOnceMore() {
        int limit = LIMITS.subTasksPerTask();
        fixture.given(openedWith(
                        List.of(planned("task-p1")),
                        1,
                        n -> new TaskCascaded(
                                L,
                                "task-p1",
                                UNIT,
                                JUR,
                                IntStream.range(0, limit - 1)
                                        .mapToObj(LedgerLimitsTest::subTask)
                                        .toList(),
                                "UNIT")))
                .when(cascade(limit - 1, 1))
                .expectEvents(new TaskCascaded(L, "task-p1", UNIT, JUR, List.of(subTask(limit - 1)), "UNIT"));
    }

    @Test
    void aCascadePastTheLimitOfSubTasksIsRefusedWhole() {
        int limit = LIMITS.subTasksPerTask();
        refused(
                fixture.given(openedWith(
                                List.of(planned("task-p1")),
                                1,
                                n -> new TaskCascaded(
                                        L,
                                        "task-p1",
                                        UNIT,
                                        JUR,
                                        IntStream.range(0, limit - 1)
                                                .mapToObj(LedgerLimitsTest::subTask)
                                                .toList(),
                                        "UNIT")))
                        .when(cascade(limit - 1, 2)),
                "TOO_MANY_SUB_TASKS",
                Refusal.Kind.UNPROCESSABLE);
    }
}
