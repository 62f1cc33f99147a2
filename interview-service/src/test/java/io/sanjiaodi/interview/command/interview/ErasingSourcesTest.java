package io.sanjiaodi.interview.command.interview;

import static io.sanjiaodi.interview.command.interview.Given.*;
import static io.sanjiaodi.platform.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.interview.ConfidentialSourcesErased;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ProblemItemAdded;
import io.sanjiaodi.interview.command.interview.InterviewCommands.AddProblemItem;
import io.sanjiaodi.interview.command.interview.InterviewCommands.EraseConfidentialSources;
import io.sanjiaodi.interview.command.interview.InterviewCommands.ReviseProblemItem;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.ActorDispatchInterceptor;
import io.sanjiaodi.platform.testing.CommonLimits;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sources reach the aggregate sealed only; an administrator can erase them once, on the record. */
class ErasingSourcesTest {

    static final Instant NOW = Instant.parse("2019-03-01T08:00:00Z");
    static final ConfidentialSourcesErased ERASED = new ConfidentialSourcesErased("iv-1", "举报人申请", NOW);

    private FixtureConfiguration<Interview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Interview.class)
                .registerCommandDispatchInterceptor(new ActorDispatchInterceptor("interview-service"))
                .registerInjectableResource(CommonLimits.load());
    }

    @Test
    void anAdministratorErasesTheSourcesWithAReason() {
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED)
                .when(new EraseConfidentialSources(ID, "举报人申请", NOW))
                .expectEvents(ERASED);
    }

    @Test
    void aConductedInterviewsSourcesCanBeErasedToo() {
        FrozenLists frozen = new FrozenLists(3, List.of(DUTY), List.of(PROBLEM), List.of(RISK));
        var conducted = new InterviewConducted(
                "iv-1",
                TRANSPORT_LEADER,
                TALK,
                "谈话室",
                SECRETARY.ref(),
                DIRECTOR.ref(),
                "要点",
                SIGNED,
                SIGNED,
                frozen,
                ListsHash.v2(frozen),
                2);
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED, conducted)
                .when(new EraseConfidentialSources(ID, "举报人申请", NOW))
                .expectEvents(ERASED);
    }

    @Test
    void sourcesErasedOnceAreNotErasedAgain() {
        fixture.given(SCHEDULED, PROBLEM_ADDED, ERASED)
                .when(new EraseConfidentialSources(ID, "再次", NOW))
                .expectNoEvents()
                .expectException(refused("SOURCES_ALREADY_ERASED", Refusal.Kind.CONFLICT));
    }

    @Test
    void anErasureNeedsItsReason() {
        fixture.given(SCHEDULED)
                .when(new EraseConfidentialSources(ID, " ", NOW))
                .expectNoEvents()
                .expectException(refused("ERASURE_REASON_REQUIRED", Refusal.Kind.UNPROCESSABLE));
        fixture.given(SCHEDULED)
                .when(new EraseConfidentialSources(ID, null, NOW))
                .expectException(refused("ERASURE_REASON_REQUIRED"));
    }

    @Test
    void afterTheErasureNoSealedSourceIsAddedOrRevisedIn() {
        var another = new io.sanjiaodi.contracts.interview.ListItems.ProblemItem(
                "p2", "财务", "超标接待", PROBLEM.sourceChannel(), null, PROBLEM.sealedSource());
        fixture.given(SCHEDULED, PROBLEM_ADDED, ERASED)
                .when(new AddProblemItem(ID, another))
                .expectNoEvents()
                .expectException(refused("SOURCES_ERASED", Refusal.Kind.CONFLICT));
        fixture.given(SCHEDULED, PROBLEM_ADDED, ERASED)
                .when(new ReviseProblemItem(ID, PROBLEM))
                .expectException(refused("SOURCES_ERASED"));
    }

    @Test
    void afterTheErasureAProblemWithoutASourceIsStillAdded() {
        var unsourced = new io.sanjiaodi.contracts.interview.ListItems.ProblemItem(
                "p2", "财务", "超标接待", PROBLEM.sourceChannel(), null, null);
        fixture.given(SCHEDULED, PROBLEM_ADDED, ERASED)
                .when(new AddProblemItem(ID, unsourced))
                .expectEvents(new ProblemItemAdded("iv-1", unsourced, 3));
    }

    @Test
    void aSourceInClearIsNeverAcceptedInACommand() {
        fixture.given(SCHEDULED)
                .when(new AddProblemItem(ID, LEGACY_PROBLEM))
                .expectNoEvents()
                .expectException(refused("SOURCE_NOT_SEALED", Refusal.Kind.UNPROCESSABLE));
        fixture.given(SCHEDULED, PROBLEM_ADDED)
                .when(new ReviseProblemItem(ID, LEGACY_PROBLEM))
                .expectException(refused("SOURCE_NOT_SEALED"));
    }

    @Test
    void listsStillHoldingASourceInClearFromAnOldEventAreNotFrozen() {
        fixture.given(SCHEDULED, DUTY_ADDED, new ProblemItemAdded("iv-1", LEGACY_PROBLEM, 2), RISK_ADDED)
                .when(conductBy(SECRETARY, false))
                .expectNoEvents()
                .expectException(refused("SOURCE_NOT_SEALED", Refusal.Kind.UNPROCESSABLE));
    }

    @Test
    void aTalkIsHashedWithVersionTwoOverTheCommitments() {
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                .when(conductBy(SECRETARY, false))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.matches(p -> {
                                    var e = (InterviewConducted) p;
                                    assertThat(e.listsHashVersion()).isEqualTo(2);
                                    assertThat(e.listsHash()).isEqualTo(ListsHash.v2(e.lists()));
                                    assertThat(e.listsHash()).isNotEqualTo(ListsHash.v1(e.lists()));
                                    return true;
                                }),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }
}
