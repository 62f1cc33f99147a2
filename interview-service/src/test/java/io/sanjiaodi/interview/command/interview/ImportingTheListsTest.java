package io.sanjiaodi.interview.command.interview;

import static io.sanjiaodi.interview.command.interview.Given.*;
import static io.sanjiaodi.platform.testing.Refusals.refused;

import io.sanjiaodi.contracts.interview.InterviewCancelled;
import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import io.sanjiaodi.contracts.interview.ProblemItemAdded;
import io.sanjiaodi.contracts.interview.ResponsibilityItemAdded;
import io.sanjiaodi.contracts.interview.RiskItemAdded;
import io.sanjiaodi.interview.command.interview.InterviewCommands.AddListItems;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.ActorDispatchInterceptor;
import io.sanjiaodi.platform.settings.Limits;
import io.sanjiaodi.platform.testing.CommonLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A spreadsheet import confirmed: every item its own added event, in list order; the same file
 * confirmed again adds nothing; a list it would overfill, a source in clear or an interview no
 * longer being prepared refuse it whole.
 */
class ImportingTheListsTest {

    static final Limits LIMITS = CommonLimits.load();
    static final ResponsibilityItem IMPORTED_DUTY =
            new ResponsibilityItem("imp-1-d2", ResponsibilityKind.CUSTOM, "廉政家访", null);
    static final AddListItems IMPORT = new AddListItems(ID, List.of(IMPORTED_DUTY), List.of(PROBLEM), List.of(RISK));

    private FixtureConfiguration<Interview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Interview.class)
                .registerCommandDispatchInterceptor(new ActorDispatchInterceptor("interview-service"))
                .registerInjectableResource(LIMITS);
    }

    @Test
    void aConfirmedImportAddsEveryItemAsItsOwnEventResponsibilitiesThenProblemsThenRisks() {
        fixture.given(SCHEDULED, DUTY_ADDED)
                .when(IMPORT)
                .expectResultMessagePayload(3)
                .expectEvents(
                        new ResponsibilityItemAdded("iv-1", IMPORTED_DUTY, 2),
                        new ProblemItemAdded("iv-1", PROBLEM, 3),
                        new RiskItemAdded("iv-1", RISK, 4));
    }

    @Test
    void theSameImportConfirmedAgainAddsNothing() {
        fixture.given(
                        SCHEDULED,
                        new ResponsibilityItemAdded("iv-1", IMPORTED_DUTY, 1),
                        new ProblemItemAdded("iv-1", PROBLEM, 2),
                        new RiskItemAdded("iv-1", RISK, 3))
                .when(IMPORT)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0)
                .expectNoEvents();
    }

    @Test
    void anImportPartlyOnTheListsAlreadyAddsOnlyTheRest() {
        fixture.given(SCHEDULED, new ProblemItemAdded("iv-1", PROBLEM, 1))
                .when(IMPORT)
                .expectResultMessagePayload(2)
                .expectEvents(
                        new ResponsibilityItemAdded("iv-1", IMPORTED_DUTY, 2), new RiskItemAdded("iv-1", RISK, 3));
    }

    @Test
    void anImportThatWouldOverfillTheProblemListAddsNoneOfItsItems() {
        List<Object> given = new ArrayList<>(List.of(SCHEDULED));
        IntStream.rangeClosed(1, LIMITS.itemsPerList())
                .forEach(n -> given.add(new ProblemItemAdded("iv-1", problem("p" + n), n)));
        fixture.given(given)
                .when(new AddListItems(ID, List.of(IMPORTED_DUTY), List.of(problem("imp-1-p2")), List.of()))
                .expectException(refused("LIST_FULL", Refusal.Kind.UNPROCESSABLE))
                .expectNoEvents();
    }

    @Test
    void anImportWithASourceInClearIsRefusedSourceNotSealedAndAddsNothing() {
        ProblemItem clear = new ProblemItem(
                "imp-1-p2",
                "工程建设",
                "招投标监管不到位",
                SourceChannel.PETITION_REPORT,
                new ConfidentialSource("实名举报人", "信访件 1"));
        fixture.given(SCHEDULED)
                .when(new AddListItems(ID, List.of(IMPORTED_DUTY), List.of(clear), List.of()))
                .expectException(refused("SOURCE_NOT_SEALED", Refusal.Kind.UNPROCESSABLE))
                .expectNoEvents();
    }

    @Test
    void anImportIntoACancelledInterviewIsRefusedInterviewCancelled() {
        fixture.given(SCHEDULED, new InterviewCancelled("iv-1", "调任"))
                .when(IMPORT)
                .expectException(refused("INTERVIEW_CANCELLED", Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    private static ProblemItem problem(String itemId) {
        return new ProblemItem(itemId, "制度建设", "问题", SourceChannel.INSPECTION_TOUR, null);
    }
}
