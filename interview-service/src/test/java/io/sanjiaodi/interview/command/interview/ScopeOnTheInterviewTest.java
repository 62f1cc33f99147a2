package io.sanjiaodi.interview.command.interview;

import static io.sanjiaodi.interview.command.interview.Given.*;
import static io.sanjiaodi.platform.testing.Refusals.refused;

import io.sanjiaodi.contracts.interview.InterviewRescheduled;
import io.sanjiaodi.contracts.interview.InterviewSchedulingRefused;
import io.sanjiaodi.contracts.interview.ProblemItemAdded;
import io.sanjiaodi.interview.command.interview.InterviewCommands.*;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.ActorMetaData;
import io.sanjiaodi.platform.testing.CommonLimits;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The interview checks every command's actor against its own unit and jurisdiction, whatever the
 * query model says: a district office cannot act on a city interview.
 */
class ScopeOnTheInterviewTest {

    static final Map<String, String> OFFICE_FENGHUA = Map.of(
            ActorMetaData.ACTOR, "office-fenghua",
            ActorMetaData.ROLE, "SUPERVISION_OFFICE",
            ActorMetaData.JURISDICTION, "fenghua");
    static final Map<String, String> OFFICE = Map.of(
            ActorMetaData.ACTOR,
            "office",
            ActorMetaData.ROLE,
            "SUPERVISION_OFFICE",
            ActorMetaData.JURISDICTION,
            "ningbo");
    static final Map<String, String> SYSTEM = Map.of(ActorMetaData.ACTOR, "system:interview-service");

    private FixtureConfiguration<Interview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Interview.class);
        fixture.registerInjectableResource(CommonLimits.load());
    }

    static Stream<Named<Object>> everyCommandOnAScheduledInterview() {
        return Stream.of(
                Named.of("reschedule", new RescheduleInterview(ID, TALK.plusDays(1), "谈话室", "改期")),
                Named.of("cancel", new CancelInterview(ID, "取消")),
                Named.of("entrust", new EntrustLeadInterviewer(ID, SECRETARY, DEPUTY, TALK)),
                Named.of("conduct", conductBy(SECRETARY, true)),
                Named.of("add a duty", new AddResponsibilityItem(ID, DUTY)),
                Named.of("revise a duty", new ReviseResponsibilityItem(ID, DUTY)),
                Named.of("remove a duty", new RemoveResponsibilityItem(ID, "d1")),
                Named.of("apply a template", new ApplyResponsibilityTemplate(ID, "tpl", java.util.List.of(DUTY))),
                Named.of("add a problem", new AddProblemItem(ID, PROBLEM)),
                Named.of("revise a problem", new ReviseProblemItem(ID, PROBLEM)),
                Named.of("remove a problem", new RemoveProblemItem(ID, "p1")),
                Named.of("add a risk", new AddRiskItem(ID, RISK)),
                Named.of("revise a risk", new ReviseRiskItem(ID, RISK)),
                Named.of("remove a risk", new RemoveRiskItem(ID, "k1")));
    }

    @ParameterizedTest
    @MethodSource("everyCommandOnAScheduledInterview")
    void aFenghuaOfficeCanNotActOnANingboInterview(Object command) {
        fixture.given(SCHEDULED)
                .when(command, OFFICE_FENGHUA)
                .expectNoEvents()
                .expectException(refused("OUT_OF_SCOPE", Refusal.Kind.FORBIDDEN));
    }

    @Test
    void aFenghuaOfficeCanNotRescheduleANingboInterview() {
        fixture.given(SCHEDULED)
                .when(new RescheduleInterview(ID, TALK.plusDays(1), "谈话室", "改期"), OFFICE_FENGHUA)
                .expectNoEvents()
                .expectException(refused("OUT_OF_SCOPE"));
    }

    @Test
    void aFenghuaOfficeCanNotAddAnItemToANingboInterview() {
        fixture.given(SCHEDULED)
                .when(new AddProblemItem(ID, PROBLEM), OFFICE_FENGHUA)
                .expectNoEvents()
                .expectException(refused("OUT_OF_SCOPE"));
    }

    @Test
    void aFenghuaOfficeCanNotConductANingboInterview() {
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                .when(conductBy(SECRETARY, false), OFFICE_FENGHUA)
                .expectNoEvents()
                .expectException(refused("OUT_OF_SCOPE"));
    }

    @Test
    void aFenghuaOfficeCanNotScheduleForACityUnitAndNothingIsStored() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleInterview(ID, TRANSPORT_LEADER, TALK, "谈话室", SECRETARY, null, null), OFFICE_FENGHUA)
                .expectNoEvents()
                .expectException(refused("OUT_OF_SCOPE"));
    }

    /** Even the record of a refused scheduling is the city's: a district office cannot touch it. */
    @Test
    void aRefusedSchedulingKeepsItsUnitSoTheScopeStillHolds() {
        fixture.given(new InterviewSchedulingRefused(
                        "iv-1", TRANSPORT_LEADER, DEPUTY.ref(), "ENTRUSTMENT_REQUIRED", "x"))
                .when(new AddRiskItem(ID, RISK), OFFICE_FENGHUA)
                .expectException(refused("OUT_OF_SCOPE"));
    }

    @Test
    void theCityOfficeActsOnACityInterview() {
        fixture.given(SCHEDULED)
                .when(new AddProblemItem(ID, PROBLEM), OFFICE)
                .expectEvents(new ProblemItemAdded("iv-1", PROBLEM, 1));
    }

    @Test
    void theServicesOwnActorPasses() {
        fixture.given(SCHEDULED)
                .when(new RescheduleInterview(ID, LocalDate.of(2018, 11, 20), "谈话室", "改期"), SYSTEM)
                .expectEvents(new InterviewRescheduled("iv-1", LocalDate.of(2018, 11, 20), "谈话室", "改期"));
    }

    @Test
    void aCommandWithoutAnActorIsRefused() {
        fixture.given(SCHEDULED)
                .when(new AddProblemItem(ID, PROBLEM))
                .expectNoEvents()
                .expectException(refused("OUT_OF_SCOPE"));
    }
}
