package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;

import io.sanjiaodi.contracts.rectification.AccountabilityCaseOpened;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.TaskRating;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.OpenAccountabilityCase;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.RecordStageEvaluation;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.TaskRatingSpec;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/**
 * A request with an {@code Idempotency-Key} whose answer was lost runs again (IdempotencyStore);
 * the records a ledger numbers in sequence then carry the id derived from the key, so the second
 * run finds the first one's record and records nothing new.
 */
class RequestRunAgainTest {

    private static final String EVALUATION = "stage-5b0e0f1c-2f9d-3b6e-9a41-7c2d5e8f1a20";
    private static final String CASE = "case-5b0e0f1c-2f9d-3b6e-9a41-7c2d5e8f1a20";
    private final FixtureConfiguration<Rectification> fixture = Given.ledger();

    private static RecordStageEvaluation evaluation(String requestedId) {
        return new RecordStageEvaluation(
                LEDGER,
                List.of(new TaskRatingSpec("task-p1", Rating.IN_PROGRESS, "推进中")),
                TODAY,
                ActorRole.SUPERVISOR,
                requestedId);
    }

    private static StageEvaluationRecorded evaluated(String id) {
        return new StageEvaluationRecorded(
                L, UNIT, JUR, id, TODAY, List.of(new TaskRating("task-p1", Rating.IN_PROGRESS, "推进中")), "SUPERVISOR");
    }

    private static OpenAccountabilityCase openCase(String requestedId) {
        return new OpenAccountabilityCase(
                LEDGER, List.of("task-p1"), List.of(), "逾期未整改", TODAY, ActorRole.SUPERVISOR, requestedId);
    }

    private static AccountabilityCaseOpened opened(String id) {
        return new AccountabilityCaseOpened(
                L, id, UNIT, JUR, List.of("task-p1"), List.of(), "逾期未整改", TODAY, "SUPERVISOR");
    }

    @Test
    void aStageEvaluationUnderAKeyIsRecordedUnderTheIdDerivedFromIt() {
        fixture.given(OPENED)
                .when(evaluation(EVALUATION))
                .expectEvents(evaluated(EVALUATION))
                .expectResultMessagePayload(EVALUATION);
    }

    @Test
    void theSameStageEvaluationRunAgainRecordsNothingAndAnswersTheFirstId() {
        fixture.given(OPENED, evaluated(EVALUATION))
                .when(evaluation(EVALUATION))
                .expectNoEvents()
                .expectResultMessagePayload(EVALUATION);
    }

    @Test
    void anotherEvaluationAfterAKeyedOneIsNumberedAfterIt() {
        fixture.given(OPENED, evaluated(EVALUATION)).when(evaluation(null)).expectEvents(evaluated("stage-2"));
    }

    @Test
    void theSameCaseOpenedAgainRecordsNothingAndAnswersTheFirstId() {
        fixture.given(OPENED, planned("task-p1"), overdue("task-p1"), opened(CASE))
                .when(openCase(CASE))
                .expectNoEvents()
                .expectResultMessagePayload(CASE);
    }

    @Test
    void aCaseUnderAKeyIsOpenedUnderTheIdDerivedFromIt() {
        fixture.given(OPENED, planned("task-p1"), overdue("task-p1"))
                .when(openCase(CASE))
                .expectEvents(opened(CASE))
                .expectResultMessagePayload(CASE);
    }
}
