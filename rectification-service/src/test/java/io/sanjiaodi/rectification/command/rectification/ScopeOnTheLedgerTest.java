package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;

import io.sanjiaodi.contracts.rectification.SubTaskCompleted;
import io.sanjiaodi.contracts.rectification.TaskPlanned;
import io.sanjiaodi.contracts.rectification.TrackingEvaluationFiled;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.ActorMetaData;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The ledger checks every command's actor against its own unit and jurisdiction (Yuyao's hospital
 * here), whatever the query model says; the subordinate unit's U⁺ rule is kept.
 */
class ScopeOnTheLedgerTest {

    static final Map<String, String> OWN_UNIT = Map.of(
            ActorMetaData.ACTOR,
            "leader-of-yy-hospital",
            ActorMetaData.ROLE,
            "UNIT_LEADER",
            ActorMetaData.JURISDICTION,
            JUR,
            ActorMetaData.UNIT,
            UNIT);
    static final Map<String, String> OTHER_UNIT = Map.of(
            ActorMetaData.ACTOR, "unit-leader",
            ActorMetaData.ROLE, "UNIT_LEADER",
            ActorMetaData.JURISDICTION, JUR,
            ActorMetaData.UNIT, "yy-school");
    static final Map<String, String> BRANCH = Map.of(
            ActorMetaData.ACTOR, "branch-staff",
            ActorMetaData.ROLE, "UNIT_STAFF",
            ActorMetaData.JURISDICTION, JUR,
            ActorMetaData.UNIT, "yy-branch");
    static final Map<String, String> OFFICE_FENGHUA = Map.of(
            ActorMetaData.ACTOR, "office-fenghua",
            ActorMetaData.ROLE, "SUPERVISION_OFFICE",
            ActorMetaData.JURISDICTION, "fenghua");
    static final Map<String, String> CITY_OFFICE = Map.of(
            ActorMetaData.ACTOR,
            "office",
            ActorMetaData.ROLE,
            "SUPERVISION_OFFICE",
            ActorMetaData.JURISDICTION,
            "ningbo");
    static final Map<String, String> STATIONED_ELSEWHERE = Map.of(
            ActorMetaData.ACTOR, "stationed",
            ActorMetaData.ROLE, "SUPERVISING_BODY",
            ActorMetaData.JURISDICTION, "ningbo",
            ActorMetaData.SUPERVISED_UNITS, "nb-transport,nb-road-transport");
    static final Map<String, String> STATIONED_HERE = Map.of(
            ActorMetaData.ACTOR,
            "yy-stationed",
            ActorMetaData.ROLE,
            "SUPERVISING_BODY",
            ActorMetaData.JURISDICTION,
            JUR,
            ActorMetaData.SUPERVISED_UNITS,
            "yy-school," + UNIT);

    private final FixtureConfiguration<Rectification> fixture =
            new AggregateTestFixture<>(Rectification.class).registerInjectableResource(LIMITS);

    private static PlanTask plan() {
        return new PlanTask(LEDGER, "task-p1", "院长", "院办", DEADLINE, "建立耗材采购监管制度", ActorRole.UNIT);
    }

    @Test
    void aUnitUserCanNotPlanAnotherUnitsTask() {
        refused(fixture.given(OPENED).when(plan(), OTHER_UNIT), "OUT_OF_SCOPE", Refusal.Kind.FORBIDDEN);
    }

    @Test
    void theUnitPlansItsOwnTask() {
        fixture.given(OPENED).when(plan(), OWN_UNIT).expectEvents(planned("task-p1"));
    }

    @Test
    void aFenghuaOfficeCanNotVerifyAYuyaoTask() {
        refused(
                fixture.given(OPENED, planned("task-p1"))
                        .when(new VerifyTask(LEDGER, "task-p1", "核查属实", TODAY, ActorRole.SUPERVISOR), OFFICE_FENGHUA),
                "OUT_OF_SCOPE",
                Refusal.Kind.FORBIDDEN);
    }

    @Test
    void theCityOfficeActsOnADistrictsLedger() {
        fixture.given(OPENED)
                .when(new FileTrackingEvaluation(LEDGER, "市纪委监委", "跟踪检查", TODAY, ActorRole.SUPERVISOR), CITY_OFFICE)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aSupervisingBodyCanNotEvaluateAUnitItDoesNotSupervise() {
        refused(
                fixture.given(OPENED)
                        .when(
                                new FileTrackingEvaluation(LEDGER, "驻局纪检组", "跟踪检查", TODAY, ActorRole.SUPERVISING_BODY),
                                STATIONED_ELSEWHERE),
                "OUT_OF_SCOPE",
                Refusal.Kind.FORBIDDEN);
    }

    @Test
    void aSupervisingBodyEvaluatesAUnitItSupervises() {
        fixture.given(OPENED)
                .when(
                        new FileTrackingEvaluation(LEDGER, "派驻组", "跟踪检查", TODAY, ActorRole.SUPERVISING_BODY),
                        STATIONED_HERE)
                .expectEvents(new TrackingEvaluationFiled(L, UNIT, JUR, "派驻组", "跟踪检查", TODAY, "SUPERVISING_BODY"));
    }

    @Test
    void aSubordinateUnitCompletesItsOwnSubTask() {
        fixture.given(OPENED, planned("task-p1"), CASCADED)
                .when(new CompleteSubTask(LEDGER, "task-p1", "task-p1-yy-branch", "已完成", TODAY, ActorRole.UNIT), BRANCH)
                .expectEvents(new SubTaskCompleted(
                        L, "task-p1", "task-p1-yy-branch", "yy-branch", UNIT, JUR, TODAY, "已完成", "UNIT"));
    }

    @Test
    void aSubordinateUnitCanNotCompleteAnotherUnitsSubTask() {
        refused(
                fixture.given(OPENED, planned("task-p1"), CASCADED)
                        .when(
                                new CompleteSubTask(
                                        LEDGER, "task-p1", "task-p1-yy-branch", "已完成", TODAY, ActorRole.UNIT),
                                OTHER_UNIT),
                "OUT_OF_SCOPE",
                Refusal.Kind.FORBIDDEN);
    }

    @Test
    void aSubordinateUnitDoesNothingElseOnItsParentsLedger() {
        refused(
                fixture.given(OPENED, planned("task-p1"), CASCADED)
                        .when(new ReportProgress(LEDGER, "task-p1", "进展", TODAY, ActorRole.UNIT), BRANCH),
                "OUT_OF_SCOPE",
                Refusal.Kind.FORBIDDEN);
    }

    @Test
    void aSystemActorActsOnEveryLedger() {
        TaskPlanned planned = planned("task-p1");
        fixture.given(OPENED)
                .when(plan(), Map.of(ActorMetaData.ACTOR, "system:rectification-service"))
                .expectEvents(planned);
    }

    @Test
    void aCommandWithoutAnActorIsRefused() {
        refused(fixture.given(OPENED).when(plan()), "OUT_OF_SCOPE", Refusal.Kind.FORBIDDEN);
    }
}
