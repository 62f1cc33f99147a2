package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.TaskRating;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Stage evaluations rate tasks; accountability cases stand only on poor implementation. */
class StageEvaluationAndAccountabilityTest {

    private final FixtureConfiguration<Rectification> fixture = Given.ledger();

    @Test
    void aSupervisorRatesTasksInAStageEvaluation() {
        fixture.given(OPENED)
                .when(new RecordStageEvaluation(
                        LEDGER,
                        List.of(
                                new TaskRatingSpec("task-p1", Rating.IN_PROGRESS, "推进中"),
                                new TaskRatingSpec("task-r1", Rating.NOT_RECTIFIED, null)),
                        TODAY,
                        ActorRole.SUPERVISOR))
                .expectEvents(new StageEvaluationRecorded(
                        L,
                        UNIT,
                        JUR,
                        "stage-1",
                        TODAY,
                        List.of(
                                new TaskRating("task-p1", Rating.IN_PROGRESS, "推进中"),
                                new TaskRating("task-r1", Rating.NOT_RECTIFIED, "")),
                        "SUPERVISOR"));
    }

    @Test
    void aTaskIsRatedOncePerEvaluation() {
        refused(
                fixture.given(OPENED)
                        .when(new RecordStageEvaluation(
                                LEDGER,
                                List.of(
                                        new TaskRatingSpec("task-p1", Rating.IN_PROGRESS, ""),
                                        new TaskRatingSpec("task-p1", Rating.RECTIFIED, "")),
                                TODAY,
                                ActorRole.SUPERVISOR)),
                "TASK_RATED_TWICE",
                Refusal.Kind.UNPROCESSABLE);
    }

    @Test
    void theUnitDoesNotEvaluateItself() {
        refused(
                fixture.given(OPENED)
                        .when(new RecordStageEvaluation(
                                LEDGER,
                                List.of(new TaskRatingSpec("task-p1", Rating.RECTIFIED, "")),
                                TODAY,
                                ActorRole.UNIT)),
                "ROLE_NOT_ALLOWED",
                Refusal.Kind.FORBIDDEN);
    }

    @Test
    void aCaseIsOpenedAgainstAnOverdueTask() {
        fixture.given(OPENED, planned("task-p1"), overdue("task-p1"))
                .when(new OpenAccountabilityCase(
                        LEDGER, List.of("task-p1"), List.of(), "逾期未整改", TODAY, ActorRole.SUPERVISOR))
                .expectEvents(new AccountabilityCaseOpened(
                        L, "case-1", UNIT, JUR, List.of("task-p1"), List.of(), "逾期未整改", TODAY, "SUPERVISOR"))
                .expectResultMessagePayload("case-1");
    }

    @Test
    void aCaseIsOpenedAgainstAFailedTaskWithItsEvidence() {
        fixture.given(
                        OPENED,
                        planned("task-p1"),
                        new EvidenceAttached(
                                L, "task-p1", UNIT, JUR, "ev-1", "a.pdf", "application/pdf", 1, "h", TODAY, "UNIT"),
                        new TaskVerificationFailed(L, "task-p1", UNIT, JUR, TODAY, "未整改", false, "SUPERVISOR"))
                .when(new OpenAccountabilityCase(
                        LEDGER, List.of("task-p1"), List.of("ev-1"), "核查未通过", TODAY, ActorRole.SUPERVISOR))
                .expectEvents(new AccountabilityCaseOpened(
                        L, "case-1", UNIT, JUR, List.of("task-p1"), List.of("ev-1"), "核查未通过", TODAY, "SUPERVISOR"));
    }

    @Test
    void aCaseNeedsPoorImplementationToStandOn() {
        refused(
                fixture.given(OPENED, planned("task-p1"))
                        .when(new OpenAccountabilityCase(
                                LEDGER, List.of("task-p1"), List.of(), "无依据", TODAY, ActorRole.SUPERVISOR)),
                "NO_POOR_IMPLEMENTATION",
                Refusal.Kind.UNPROCESSABLE);
    }

    @Test
    void aCaseCannotCiteEvidenceThatIsNotOnTheLedger() {
        refused(
                fixture.given(OPENED, planned("task-p1"), overdue("task-p1"))
                        .when(new OpenAccountabilityCase(
                                LEDGER, List.of("task-p1"), List.of("ev-9"), "逾期", TODAY, ActorRole.SUPERVISOR)),
                "EVIDENCE_NOT_FOUND",
                Refusal.Kind.NOT_FOUND);
    }

    @Test
    void aCaseIsConcludedWithItsOutcomeOnce() {
        AccountabilityCaseOpened opened = new AccountabilityCaseOpened(
                L, "case-1", UNIT, JUR, List.of("task-p1"), List.of(), "逾期", TODAY, "SUPERVISOR");
        fixture.given(OPENED, planned("task-p1"), overdue("task-p1"), opened)
                .when(new ConcludeAccountabilityCase(LEDGER, "case-1", "诫勉谈话", TODAY, ActorRole.SUPERVISOR))
                .expectEvents(new AccountabilityCaseConcluded(L, "case-1", UNIT, JUR, "诫勉谈话", TODAY, "SUPERVISOR"));
        refused(
                fixture.given(
                                OPENED,
                                planned("task-p1"),
                                overdue("task-p1"),
                                opened,
                                new AccountabilityCaseConcluded(L, "case-1", UNIT, JUR, "诫勉谈话", TODAY, "SUPERVISOR"))
                        .when(new ConcludeAccountabilityCase(LEDGER, "case-1", "again", TODAY, ActorRole.SUPERVISOR)),
                "CASE_ALREADY_CONCLUDED",
                Refusal.Kind.CONFLICT);
    }

    @Test
    void anUnknownCaseIsNotFound() {
        refused(
                fixture.given(OPENED)
                        .when(new ConcludeAccountabilityCase(LEDGER, "case-7", "x", TODAY, ActorRole.SUPERVISOR)),
                "CASE_NOT_FOUND",
                Refusal.Kind.NOT_FOUND);
    }

    @Test
    void stageEvaluationsAreNumberedAcrossTheLedgerAndAnswerTheirId() {
        fixture.given(
                        OPENED,
                        new StageEvaluationRecorded(
                                L,
                                UNIT,
                                JUR,
                                "stage-1",
                                TODAY,
                                List.of(new TaskRating("task-p1", Rating.IN_PROGRESS, "")),
                                "SUPERVISOR"))
                .when(new RecordStageEvaluation(
                        LEDGER,
                        List.of(new TaskRatingSpec("task-p1", Rating.RECTIFIED, null)),
                        TODAY,
                        ActorRole.SUPERVISOR))
                .expectEvents(new StageEvaluationRecorded(
                        L,
                        UNIT,
                        JUR,
                        "stage-2",
                        TODAY,
                        List.of(new TaskRating("task-p1", Rating.RECTIFIED, "")),
                        "SUPERVISOR"))
                .expectResultMessagePayload("stage-2");
    }

    @Test
    void aTaskRatedNotRectifiedGroundsACaseButOneRatedInProgressOrRectifiedDoesNot() {
        StageEvaluationRecorded evaluated = new StageEvaluationRecorded(
                L,
                UNIT,
                JUR,
                "stage-1",
                TODAY,
                List.of(
                        new TaskRating("task-p1", Rating.NOT_RECTIFIED, ""),
                        new TaskRating("task-r1", Rating.IN_PROGRESS, ""),
                        new TaskRating("task-d1", Rating.RECTIFIED, "")),
                "SUPERVISOR");
        fixture.given(OPENED, evaluated)
                .when(new OpenAccountabilityCase(
                        LEDGER, List.of("task-p1"), List.of(), "阶段评估未整改", TODAY, ActorRole.SUPERVISOR))
                .expectEvents(new AccountabilityCaseOpened(
                        L, "case-1", UNIT, JUR, List.of("task-p1"), List.of(), "阶段评估未整改", TODAY, "SUPERVISOR"));
        for (String task : List.of("task-r1", "task-d1")) {
            refused(
                    fixture.given(OPENED, evaluated)
                            .when(new OpenAccountabilityCase(
                                    LEDGER, List.of(task), List.of(), "无依据", TODAY, ActorRole.SUPERVISOR)),
                    "NO_POOR_IMPLEMENTATION",
                    Refusal.Kind.UNPROCESSABLE);
        }
    }

    @Test
    void aCaseAboutSeveralTasksNeedsPoorImplementationOfEach() {
        refused(
                fixture.given(OPENED, planned("task-p1"), overdue("task-p1"))
                        .when(new OpenAccountabilityCase(
                                LEDGER, List.of("task-p1", "task-r1"), List.of(), "逾期", TODAY, ActorRole.SUPERVISOR)),
                "NO_POOR_IMPLEMENTATION",
                Refusal.Kind.UNPROCESSABLE);
    }

    @Test
    void casesAreNumberedAcrossTheLedger() {
        fixture.given(
                        OPENED,
                        planned("task-p1"),
                        overdue("task-p1"),
                        new AccountabilityCaseOpened(
                                L, "case-1", UNIT, JUR, List.of("task-p1"), List.of(), "逾期", TODAY, "SUPERVISOR"))
                .when(new OpenAccountabilityCase(LEDGER, List.of("task-p1"), null, "再次逾期", TODAY, ActorRole.SUPERVISOR))
                .expectEvents(new AccountabilityCaseOpened(
                        L, "case-2", UNIT, JUR, List.of("task-p1"), List.of(), "再次逾期", TODAY, "SUPERVISOR"))
                .expectResultMessagePayload("case-2");
    }

    @Test
    void anEvaluationRatesAtLeastOneTaskOfThisLedgerAndEachWithARating() {
        refused(
                fixture.given(OPENED).when(new RecordStageEvaluation(LEDGER, List.of(), TODAY, ActorRole.SUPERVISOR)),
                "RATINGS_REQUIRED",
                Refusal.Kind.UNPROCESSABLE);
        refused(
                fixture.given(OPENED).when(new RecordStageEvaluation(LEDGER, null, TODAY, ActorRole.SUPERVISOR)),
                "RATINGS_REQUIRED",
                Refusal.Kind.UNPROCESSABLE);
        refused(
                fixture.given(OPENED)
                        .when(new RecordStageEvaluation(
                                LEDGER,
                                List.of(new TaskRatingSpec("task-x", Rating.RECTIFIED, "")),
                                TODAY,
                                ActorRole.SUPERVISOR)),
                "TASK_NOT_FOUND",
                Refusal.Kind.NOT_FOUND);
        refused(
                fixture.given(OPENED)
                        .when(new RecordStageEvaluation(
                                LEDGER, List.of(new TaskRatingSpec("task-p1", null, "")), TODAY, ActorRole.SUPERVISOR)),
                "RATING_REQUIRED",
                Refusal.Kind.UNPROCESSABLE);
    }

    @Test
    void aCaseNamesTheTasksItIsAbout() {
        refused(
                fixture.given(OPENED)
                        .when(new OpenAccountabilityCase(
                                LEDGER, List.of(), List.of(), "逾期", TODAY, ActorRole.SUPERVISOR)),
                "CASE_TASKS_REQUIRED",
                Refusal.Kind.UNPROCESSABLE);
        refused(
                fixture.given(OPENED)
                        .when(new OpenAccountabilityCase(LEDGER, null, List.of(), "逾期", TODAY, ActorRole.SUPERVISOR)),
                "CASE_TASKS_REQUIRED",
                Refusal.Kind.UNPROCESSABLE);
    }
}
