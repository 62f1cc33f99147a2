package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;
import static org.axonframework.test.matchers.Matchers.*;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.contracts.rectification.RegulationRecorded.RegulationAction;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.TaskRating;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command of a role checks that role before anything else: on a ledger where the command
 * would be accepted from the role the access matrix names, any other role is refused with 403
 * ROLE_NOT_ALLOWED and nothing is recorded. The supervising body (stationed group, township
 * committee) files the tracking evaluation and stage evaluations, and nothing a unit or a
 * supervisor does.
 */
class RolesOnTheLedgerTest {

    private final FixtureConfiguration<Rectification> fixture = Given.ledger();

    private static final DeadlineExtensionRequested REQUESTED =
            new DeadlineExtensionRequested(L, "task-p1", UNIT, JUR, DEADLINE, DEADLINE.plusMonths(2), "范围扩大", "UNIT");
    private static final AccountabilityCaseOpened CASE_OPENED = new AccountabilityCaseOpened(
            L, "case-1", UNIT, JUR, List.of("task-p1"), List.of(), "逾期", TODAY, "SUPERVISOR");

    /** A command, a ledger on which it is accepted from the roles it names, and those roles. */
    record Case(String name, Object[] given, Function<ActorRole, Object> command, Set<ActorRole> allowed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Case> CASES = List.of(
            new Case(
                    "plan",
                    new Object[] {OPENED},
                    r -> new PlanTask(LEDGER, "task-p1", "院长", "院办", DEADLINE, "措施", r),
                    EnumSet.of(ActorRole.UNIT)),
            new Case(
                    "revise the plan",
                    new Object[] {OPENED, planned("task-p1")},
                    r -> new RevisePlan(LEDGER, "task-p1", "院长", "院办", "措施", "调整", r),
                    EnumSet.of(ActorRole.UNIT)),
            new Case(
                    "request an extension",
                    new Object[] {OPENED, planned("task-p1")},
                    r -> new RequestDeadlineExtension(LEDGER, "task-p1", DEADLINE.plusMonths(2), "范围扩大", r),
                    EnumSet.of(ActorRole.UNIT)),
            new Case(
                    "approve an extension",
                    new Object[] {OPENED, planned("task-p1"), REQUESTED},
                    r -> new ApproveDeadlineExtension(LEDGER, "task-p1", "同意", r),
                    EnumSet.of(ActorRole.SUPERVISOR)),
            new Case(
                    "reject an extension",
                    new Object[] {OPENED, planned("task-p1"), REQUESTED},
                    r -> new RejectDeadlineExtension(LEDGER, "task-p1", "理由不足", r),
                    EnumSet.of(ActorRole.SUPERVISOR)),
            new Case(
                    "cascade",
                    new Object[] {OPENED, planned("task-p1")},
                    r -> new CascadeTask(LEDGER, "task-p1", List.of(new SubTaskSpec("yy-branch", "分院", DEADLINE)), r),
                    EnumSet.of(ActorRole.UNIT)),
            new Case(
                    "complete a sub-task",
                    new Object[] {OPENED, planned("task-p1"), CASCADED},
                    r -> new CompleteSubTask(LEDGER, "task-p1", "task-p1-yy-branch", "", TODAY, r),
                    EnumSet.of(ActorRole.UNIT)),
            new Case(
                    "report progress",
                    new Object[] {OPENED},
                    r -> new ReportProgress(LEDGER, "task-p1", "进展", TODAY, r),
                    EnumSet.of(ActorRole.UNIT)),
            new Case(
                    "attach evidence",
                    new Object[] {OPENED},
                    r -> new AttachEvidence(LEDGER, "task-p1", "ev-1", "a.pdf", "application/pdf", 1, "h", TODAY, r),
                    EnumSet.of(ActorRole.UNIT)),
            new Case(
                    "record a regulation",
                    new Object[] {OPENED},
                    r -> new RecordRegulation(LEDGER, "办法", RegulationAction.ESTABLISHED, TODAY, List.of(), r),
                    EnumSet.of(ActorRole.UNIT)),
            new Case(
                    // a unit's attempt is recorded and refused (VerificationTest): not a role check
                    "verify",
                    new Object[] {OPENED, planned("task-p1")},
                    r -> new VerifyTask(LEDGER, "task-p1", "", TODAY, r),
                    EnumSet.of(ActorRole.SUPERVISOR, ActorRole.UNIT)),
            new Case(
                    "fail a check",
                    new Object[] {OPENED, planned("task-p1")},
                    r -> new FailVerification(LEDGER, "task-p1", "未整改", TODAY, r),
                    EnumSet.of(ActorRole.SUPERVISOR)),
            new Case(
                    "file the written report",
                    new Object[] {OPENED},
                    r -> new FileWrittenReport(LEDGER, "书面报告", "", TODAY, r),
                    EnumSet.of(ActorRole.UNIT)),
            new Case(
                    "file the tracking evaluation",
                    new Object[] {OPENED},
                    r -> new FileTrackingEvaluation(LEDGER, "派驻组", "整改到位", TODAY, r),
                    EnumSet.of(ActorRole.SUPERVISOR, ActorRole.SUPERVISING_BODY)),
            new Case(
                    "record a stage evaluation",
                    new Object[] {OPENED},
                    r -> new RecordStageEvaluation(
                            LEDGER, List.of(new TaskRatingSpec("task-p1", Rating.IN_PROGRESS, "")), TODAY, r),
                    EnumSet.of(ActorRole.SUPERVISOR, ActorRole.SUPERVISING_BODY)),
            new Case(
                    "open an accountability case",
                    new Object[] {OPENED, planned("task-p1"), overdue("task-p1")},
                    r -> new OpenAccountabilityCase(LEDGER, List.of("task-p1"), List.of(), "逾期", TODAY, r),
                    EnumSet.of(ActorRole.SUPERVISOR)),
            new Case(
                    "conclude an accountability case",
                    new Object[] {OPENED, planned("task-p1"), overdue("task-p1"), CASE_OPENED},
                    r -> new ConcludeAccountabilityCase(LEDGER, "case-1", "诫勉谈话", TODAY, r),
                    EnumSet.of(ActorRole.SUPERVISOR)));

    static Stream<Arguments> refusedRoles() {
        return CASES.stream()
                .flatMap(c -> Arrays.stream(ActorRole.values())
                        .filter(r -> !c.allowed().contains(r))
                        .map(r -> Arguments.of(c, r)));
    }

    static Stream<Arguments> allowedRoles() {
        return CASES.stream()
                .flatMap(c -> c.allowed().stream()
                        .filter(r -> !(c.name().equals("verify") && r == ActorRole.UNIT))
                        .map(r -> Arguments.of(c, r)));
    }

    @ParameterizedTest(name = "{1} may not {0}")
    @MethodSource("refusedRoles")
    void aRoleTheAccessMatrixDoesNotAllowIsRefusedAndNothingIsRecorded(Case c, ActorRole role) {
        refused(fixture.given(c.given()).when(c.command().apply(role)), "ROLE_NOT_ALLOWED", Refusal.Kind.FORBIDDEN);
    }

    @ParameterizedTest(name = "{1} may {0}")
    @MethodSource("allowedRoles")
    void theRoleTheAccessMatrixAllowsIsAcceptedOnTheSameLedgerAndRecordedAsActing(Case c, ActorRole role) {
        fixture.given(c.given())
                .when(c.command().apply(role))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(recordedAs(role), andNoMore())));
    }

    /** An event whose {@code actorRole} names {@code role}. */
    private static Matcher<Object> recordedAs(ActorRole role) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object event) {
                return Arrays.stream(event.getClass().getRecordComponents())
                        .filter(component -> component.getName().equals("actorRole"))
                        .anyMatch(component -> {
                            try {
                                return role.name()
                                        .equals(component.getAccessor().invoke(event));
                            } catch (ReflectiveOperationException e) {
                                throw new IllegalStateException(e);
                            }
                        });
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an event recorded as acting role " + role);
            }
        };
    }

    @Test
    void theSupervisingBodyRecordsAStageEvaluationUnderItsOwnRole() {
        fixture.given(OPENED)
                .when(new RecordStageEvaluation(
                        LEDGER,
                        List.of(new TaskRatingSpec("task-r1", Rating.RECTIFIED, "到位")),
                        TODAY,
                        ActorRole.SUPERVISING_BODY))
                .expectEvents(new StageEvaluationRecorded(
                        L,
                        UNIT,
                        JUR,
                        "stage-1",
                        TODAY,
                        List.of(new TaskRating("task-r1", Rating.RECTIFIED, "到位")),
                        "SUPERVISING_BODY"))
                .expectResultMessagePayload("stage-1");
    }
}
