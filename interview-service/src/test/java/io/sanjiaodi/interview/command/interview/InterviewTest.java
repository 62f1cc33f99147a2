package io.sanjiaodi.interview.command.interview;

import static io.sanjiaodi.interview.command.interview.Given.*;
import static io.sanjiaodi.platform.testing.Refusals.refused;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.common.Signature;
import io.sanjiaodi.contracts.interview.*;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import io.sanjiaodi.interview.command.interview.InterviewCommands.*;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.ActorDispatchInterceptor;
import io.sanjiaodi.platform.testing.CommonLimits;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InterviewTest {

    private FixtureConfiguration<Interview> fixture;

    @BeforeEach
    void setUp() {
        // the service's own actor: these tests are about the rules, ScopeOnTheInterviewTest about who
        fixture = new AggregateTestFixture<>(Interview.class)
                .registerCommandDispatchInterceptor(new ActorDispatchInterceptor("interview-service"))
                .registerInjectableResource(CommonLimits.load());
    }

    @Test
    void theCitySecretarySchedulesTheInterviewOfACityManagedLeader() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleInterview(ID, TRANSPORT_LEADER, TALK, "市纪委监委谈话室", SECRETARY, null, null))
                .expectEvents(SCHEDULED);
    }

    @Test
    void aDeputyEntrustedByTheSecretaryMayLeadAndTheEntrustmentIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleInterview(
                        ID, TRANSPORT_LEADER, TALK, "谈话室", DEPUTY, SECRETARY, LocalDate.of(2018, 11, 1)))
                .expectEvents(
                        new InterviewScheduled("iv-1", TRANSPORT_LEADER, TALK, "谈话室", DEPUTY.ref()),
                        new LeadInterviewerEntrusted("iv-1", SECRETARY.ref(), DEPUTY.ref(), LocalDate.of(2018, 11, 1)));
    }

    @Test
    void aDeputyWithoutEntrustmentIsRefusedAndTheRefusalIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleInterview(ID, TRANSPORT_LEADER, TALK, "谈话室", DEPUTY, null, null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(refused("ENTRUSTMENT_REQUIRED", Refusal.Kind.UNPROCESSABLE))
                .expectEvents(new InterviewSchedulingRefused(
                        "iv-1",
                        TRANSPORT_LEADER,
                        DEPUTY.ref(),
                        "ENTRUSTMENT_REQUIRED",
                        LeadInterviewerRule.check(TRANSPORT_LEADER, DEPUTY, null)
                                .orElseThrow()
                                .getMessage()));
    }

    @Test
    void aRefusedSchedulingAcceptsNoFurtherCommands() {
        fixture.given(new InterviewSchedulingRefused(
                        "iv-1", TRANSPORT_LEADER, DEPUTY.ref(), "ENTRUSTMENT_REQUIRED", "x"))
                .when(new AddRiskItem(ID, RISK))
                .expectNoEvents()
                .expectException(refused("SCHEDULING_REFUSED"));
    }

    @Test
    void aCountyManagedLeaderIsInterviewedByTheirOwnDistrictSecretary() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleInterview(
                        ID, HOSPITAL_LEADER, LocalDate.of(2019, 3, 1), "余姚", YUYAO_SECRETARY, null, null))
                .expectEvents(new InterviewScheduled(
                        "iv-1", HOSPITAL_LEADER, LocalDate.of(2019, 3, 1), "余姚", YUYAO_SECRETARY.ref()));
    }

    @Test
    void anotherDistrictsSecretaryCannotLeadACountyManagedInterview() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleInterview(
                        ID, HOSPITAL_LEADER, LocalDate.of(2019, 3, 1), "余姚", JIANGBEI_SECRETARY, null, null))
                .expectResultMessagePayloadMatching(refused("LEAD_NOT_DISTRICT_SECRETARY"))
                .expectEvents(new InterviewSchedulingRefused(
                        "iv-1",
                        HOSPITAL_LEADER,
                        JIANGBEI_SECRETARY.ref(),
                        "LEAD_NOT_DISTRICT_SECRETARY",
                        LeadInterviewerRule.check(HOSPITAL_LEADER, JIANGBEI_SECRETARY, null)
                                .orElseThrow()
                                .getMessage()));
    }

    @Test
    void aDepartmentManagedLeaderIsInterviewedByTheStationedGroupHead() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleInterview(ID, ROAD_TRANSPORT_LEADER, TALK, "驻局纪检组", TRANSPORT_GROUP_HEAD, null, null))
                .expectEvents(new InterviewScheduled(
                        "iv-1", ROAD_TRANSPORT_LEADER, TALK, "驻局纪检组", TRANSPORT_GROUP_HEAD.ref()));
    }

    @Test
    void aTalkPlannedBeforeTheAppointmentIsRefusedOutright() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleInterview(
                        ID, TRANSPORT_LEADER, LocalDate.of(2018, 10, 1), "谈话室", SECRETARY, null, null))
                .expectNoEvents()
                .expectException(refused("TALK_BEFORE_APPOINTMENT"));
    }

    @Test
    void aScheduledInterviewCanBeRescheduled() {
        fixture.given(SCHEDULED)
                .when(new RescheduleInterview(ID, LocalDate.of(2018, 11, 20), "会议室", "书记出差"))
                .expectEvents(new InterviewRescheduled("iv-1", LocalDate.of(2018, 11, 20), "会议室", "书记出差"));
    }

    @Test
    void aTalkCannotBeRescheduledToBeforeTheAppointment() {
        fixture.given(SCHEDULED)
                .when(new RescheduleInterview(ID, LocalDate.of(2018, 10, 29), "会议室", "提前"))
                .expectNoEvents()
                .expectException(refused("TALK_BEFORE_APPOINTMENT", Refusal.Kind.UNPROCESSABLE));
    }

    @Test
    void theSecretaryEntrustsADeputyOfAScheduledInterview() {
        fixture.given(SCHEDULED)
                .when(new EntrustLeadInterviewer(ID, SECRETARY, DEPUTY, LocalDate.of(2018, 11, 1)))
                .expectResultMessagePayload(Optional.empty())
                .expectEvents(
                        new LeadInterviewerEntrusted("iv-1", SECRETARY.ref(), DEPUTY.ref(), LocalDate.of(2018, 11, 1)));
    }

    @Test
    void anEntrustmentByAnyoneButTheCitySecretaryIsRefusedAndTheRefusalIsRecorded() {
        fixture.given(SCHEDULED)
                .when(new EntrustLeadInterviewer(ID, DIRECTOR, DEPUTY, LocalDate.of(2018, 11, 1)))
                .expectResultMessagePayloadMatching(refused("ENTRUSTER_NOT_CITY_SECRETARY", Refusal.Kind.UNPROCESSABLE))
                .expectEvents(new LeadInterviewerRuleViolated(
                        "iv-1",
                        "ENTRUST",
                        DEPUTY.ref(),
                        "ENTRUSTER_NOT_CITY_SECRETARY",
                        LeadInterviewerRule.check(TRANSPORT_LEADER, DEPUTY, DIRECTOR)
                                .orElseThrow()
                                .getMessage()));
    }

    @Test
    void aScheduledInterviewCanBeCancelledWithItsReason() {
        fixture.given(SCHEDULED)
                .when(new CancelInterview(ID, "干部调整"))
                .expectEvents(new InterviewCancelled("iv-1", "干部调整"));
    }

    @Test
    void aCancellationWithoutReasonIsRefused() {
        fixture.given(SCHEDULED)
                .when(new CancelInterview(ID, " "))
                .expectNoEvents()
                .expectException(refused("CANCEL_REASON_REQUIRED"));
    }

    @Test
    void aCancelledInterviewCannotBeConducted() {
        fixture.given(SCHEDULED, DUTY_ADDED, RISK_ADDED, new InterviewCancelled("iv-1", "干部调整"))
                .when(conductBy(SECRETARY, true))
                .expectNoEvents()
                .expectException(refused("INTERVIEW_CANCELLED"));
    }

    @Test
    void everyListChangeRaisesTheListVersion() {
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED)
                .when(new AddRiskItem(ID, RISK))
                .expectEvents(RISK_ADDED);
    }

    @Test
    void anItemCanBeRevisedAndRemovedWhileTheListsArePrepared() {
        var revised = new ResponsibilityItem("d1", ResponsibilityKind.REQUIRED, "每季度研究一次", "tpl-2018");
        fixture.given(SCHEDULED, DUTY_ADDED)
                .when(new ReviseResponsibilityItem(ID, revised))
                .expectEvents(new ResponsibilityItemRevised("iv-1", revised, 2));
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED)
                .when(new RemoveProblemItem(ID, "p1"))
                .expectEvents(new ProblemItemRemoved("iv-1", "p1", 3));
    }

    @Test
    void revisingAnItemOfAnotherListIsNotFound() {
        fixture.given(SCHEDULED, DUTY_ADDED)
                .when(new RemoveRiskItem(ID, "d1"))
                .expectNoEvents()
                .expectException(refused("ITEM_NOT_FOUND"));
    }

    @Test
    void anItemIdIsUniqueAcrossTheThreeLists() {
        for (Object command : List.of(
                new AddResponsibilityItem(ID, new ResponsibilityItem("k1", ResponsibilityKind.CUSTOM, "家访", null)),
                new AddProblemItem(ID, new ProblemItem("d1", "财务", "超标接待", SourceChannel.DAILY_SUPERVISION, null)),
                new AddRiskItem(ID, new RiskItem("p1", "食堂", "食堂管理", null, null, RiskLevel.LOW)))) {
            fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                    .when(command)
                    .expectNoEvents()
                    .expectException(refused("ITEM_EXISTS", Refusal.Kind.CONFLICT));
        }
    }

    @Test
    void aTemplateIsCopiedAsRequiredItemsInOneStep() {
        var a = new ResponsibilityItem("a", ResponsibilityKind.REQUIRED, "规定动作一", "tpl-2018");
        var b = new ResponsibilityItem("b", ResponsibilityKind.REQUIRED, "规定动作二", "tpl-2018");
        fixture.given(SCHEDULED, DUTY_ADDED)
                .when(new ApplyResponsibilityTemplate(ID, "tpl-2018", List.of(a, b)))
                .expectEvents(new ResponsibilityItemAdded("iv-1", a, 2), new ResponsibilityItemAdded("iv-1", b, 3));
    }

    @Test
    void conductingFreezesTheListsWithTheirVersionAndHash() {
        FrozenLists frozen = new FrozenLists(3, List.of(DUTY), List.of(PROBLEM), List.of(RISK));
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                .when(conductBy(SECRETARY, false))
                .expectEvents(new InterviewConducted(
                        "iv-1",
                        TRANSPORT_LEADER,
                        TALK,
                        "市纪委监委谈话室",
                        SECRETARY.ref(),
                        DIRECTOR.ref(),
                        "谈话要点：落实主体责任",
                        SIGNED,
                        SIGNED,
                        frozen,
                        ListsHash.v2(frozen),
                        2));
    }

    @Test
    void conductingNeedsAResponsibilityListAndARiskList() {
        fixture.given(SCHEDULED, PROBLEM_ADDED, RISK_ADDED)
                .when(conductBy(SECRETARY, false))
                .expectNoEvents()
                .expectException(refused("RESPONSIBILITY_LIST_EMPTY"));
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED)
                .when(conductBy(SECRETARY, false))
                .expectNoEvents()
                .expectException(refused("RISK_LIST_EMPTY"));
    }

    @Test
    void anEmptyProblemListNeedsAnExplicitConfirmation() {
        fixture.given(SCHEDULED, DUTY_ADDED, RISK_ADDED)
                .when(conductBy(SECRETARY, false))
                .expectNoEvents()
                .expectException(refused("PROBLEM_LIST_EMPTY_UNCONFIRMED"))
                .expectExceptionMessage("the problem list is empty; confirm explicitly that no problems were found");
        fixture.given(SCHEDULED, DUTY_ADDED, RISK_ADDED)
                .when(conductBy(SECRETARY, true))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void bothSignaturesAreRequiredToConduct() {
        var unsigned = new ConductInterview(ID, TALK, "谈话室", SECRETARY, DIRECTOR.ref(), "要点", SIGNED, null, false);
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                .when(unsigned)
                .expectNoEvents()
                .expectException(refused("SIGNATURES_REQUIRED"));
    }

    @Test
    void theRuleIsCheckedAgainWhenConductingAndARefusalIsRecorded() {
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                .when(conductBy(DEPUTY, false))
                .expectResultMessagePayloadMatching(refused("ENTRUSTMENT_REQUIRED", Refusal.Kind.UNPROCESSABLE))
                .expectEvents(new LeadInterviewerRuleViolated(
                        "iv-1",
                        "CONDUCT",
                        DEPUTY.ref(),
                        "ENTRUSTMENT_REQUIRED",
                        LeadInterviewerRule.check(TRANSPORT_LEADER, DEPUTY, null)
                                .orElseThrow()
                                .getMessage()));
    }

    @Test
    void theEntrustedDeputyConductsTheTalk() {
        fixture.given(
                        SCHEDULED,
                        new LeadInterviewerEntrusted("iv-1", SECRETARY.ref(), DEPUTY.ref(), TALK),
                        DUTY_ADDED,
                        PROBLEM_ADDED,
                        RISK_ADDED)
                .when(conductBy(DEPUTY, false))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(Optional.empty());
    }

    /** An entrustment names one deputy: another deputy cannot conduct the talk under it. */
    @Test
    void anEntrustmentCountsOnlyForTheDeputyItNamed() {
        fixture.given(
                        SCHEDULED,
                        new LeadInterviewerEntrusted("iv-1", SECRETARY.ref(), DEPUTY.ref(), TALK),
                        DUTY_ADDED,
                        PROBLEM_ADDED,
                        RISK_ADDED)
                .when(conductBy(OTHER_DEPUTY, false))
                .expectResultMessagePayloadMatching(refused("ENTRUSTMENT_REQUIRED", Refusal.Kind.UNPROCESSABLE))
                .expectEvents(new LeadInterviewerRuleViolated(
                        "iv-1",
                        "CONDUCT",
                        OTHER_DEPUTY.ref(),
                        "ENTRUSTMENT_REQUIRED",
                        LeadInterviewerRule.check(TRANSPORT_LEADER, OTHER_DEPUTY, null)
                                .orElseThrow()
                                .getMessage()));
    }

    @Test
    void aConductedInterviewCannotBeConductedAgainNorItsListsChanged() {
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
                .when(conductBy(SECRETARY, false))
                .expectNoEvents()
                .expectException(refused("ALREADY_CONDUCTED"));
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED, conducted)
                .when(new RemoveProblemItem(ID, "p1"))
                .expectNoEvents()
                .expectException(refused("ALREADY_CONDUCTED"));
    }

    @Test
    void aTalkCannotBeConductedBeforeTheAppointment() {
        var early = new ConductInterview(
                ID, LocalDate.of(2018, 10, 29), "谈话室", SECRETARY, DIRECTOR.ref(), "要点", SIGNED, SIGNED, false);
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                .when(early)
                .expectNoEvents()
                .expectException(refused("TALK_BEFORE_APPOINTMENT", Refusal.Kind.UNPROCESSABLE));
    }

    @Test
    void aTalkOnTheDayOfTheAppointmentIsNotBeforeIt() {
        var onTheDay = new ConductInterview(
                ID, TRANSPORT_LEADER.appointmentDate(), "谈话室", SECRETARY, DIRECTOR.ref(), "要点", SIGNED, SIGNED, false);
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                .when(onTheDay)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(Optional.empty());
    }

    @Test
    void aSignatureNeedsTheSignerAndTheTimeOfSigning() {
        var noSigner = new Signature(" ", SIGNED.signedAt());
        var noTime = new Signature("张某", null);
        for (var c : List.of(
                new ConductInterview(ID, TALK, "谈话室", SECRETARY, DIRECTOR.ref(), "要点", noSigner, SIGNED, false),
                new ConductInterview(ID, TALK, "谈话室", SECRETARY, DIRECTOR.ref(), "要点", SIGNED, noTime, false),
                new ConductInterview(ID, TALK, "谈话室", SECRETARY, DIRECTOR.ref(), "要点", null, SIGNED, false))) {
            fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                    .when(c)
                    .expectNoEvents()
                    .expectException(refused("SIGNATURES_REQUIRED"));
        }
    }

    @Test
    void whoHandedOverTheListsIsRequiredToConduct() {
        for (var handedOverBy : Arrays.asList(null, new PersonRef("x", " ", "主任"))) {
            fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                    .when(new ConductInterview(ID, TALK, "谈话室", SECRETARY, handedOverBy, "要点", SIGNED, SIGNED, false))
                    .expectNoEvents()
                    .expectException(refused("HANDED_OVER_BY_REQUIRED"));
        }
    }

    /** An entrustment recorded after scheduling lets the deputy it named conduct the talk. */
    @Test
    void aDeputyEntrustedAfterSchedulingConductsTheTalkAndIsNamedAsItsLead() {
        FrozenLists frozen = new FrozenLists(3, List.of(DUTY), List.of(PROBLEM), List.of(RISK));
        fixture.given(
                        SCHEDULED,
                        DUTY_ADDED,
                        PROBLEM_ADDED,
                        RISK_ADDED,
                        new LeadInterviewerEntrusted("iv-1", SECRETARY.ref(), DEPUTY.ref(), LocalDate.of(2018, 11, 1)))
                .when(conductBy(DEPUTY, false))
                .expectResultMessagePayload(Optional.empty())
                .expectEvents(new InterviewConducted(
                        "iv-1",
                        TRANSPORT_LEADER,
                        TALK,
                        "市纪委监委谈话室",
                        DEPUTY.ref(),
                        DIRECTOR.ref(),
                        "谈话要点：落实主体责任",
                        SIGNED,
                        SIGNED,
                        frozen,
                        ListsHash.v2(frozen),
                        2));
    }

    /** A leader whose cadre management level is unknown has no lead interviewer: the attempt is recorded. */
    @Test
    void aLeaderWithoutCadreLevelCannotBeScheduledAndTheRefusalIsRecorded() {
        var unknownLevel =
                new Interviewee("张某", "局长", "nb-transport", "市交通局", "ningbo", null, LocalDate.of(2018, 10, 30));
        fixture.givenNoPriorActivity()
                .when(new ScheduleInterview(ID, unknownLevel, TALK, "谈话室", SECRETARY, null, null))
                .expectResultMessagePayloadMatching(refused("CADRE_LEVEL_REQUIRED", Refusal.Kind.UNPROCESSABLE))
                .expectEvents(new InterviewSchedulingRefused(
                        "iv-1",
                        unknownLevel,
                        SECRETARY.ref(),
                        "CADRE_LEVEL_REQUIRED",
                        "the interviewee's cadre management level decides the lead interviewer"));
    }

    // ---- only a scheduled interview takes commands

    private static final InterviewConducted CONDUCTED = new InterviewConducted(
            "iv-1",
            TRANSPORT_LEADER,
            TALK,
            "谈话室",
            SECRETARY.ref(),
            DIRECTOR.ref(),
            "要点",
            SIGNED,
            SIGNED,
            new FrozenLists(3, List.of(DUTY), List.of(PROBLEM), List.of(RISK)),
            "conducted",
            2);

    /** Every command, each valid on the scheduled interview with one item on each list. */
    static Stream<Named<Object>> everyCommand() {
        var revisedDuty = new ResponsibilityItem("d1", ResponsibilityKind.REQUIRED, "每季度研究一次", "tpl-2018");
        var newDuty = new ResponsibilityItem("d2", ResponsibilityKind.CUSTOM, "廉政家访", null);
        var revisedProblem = new ProblemItem("p1", "工程建设", "招投标监管缺位", SourceChannel.PETITION_REPORT, null);
        var newProblem = new ProblemItem("p2", "财务", "公务接待超标", SourceChannel.DAILY_SUPERVISION, null);
        var revisedRisk = new RiskItem("k1", "道路运输", "运输许可", null, null, RiskLevel.MEDIUM);
        var newRisk = new RiskItem("k2", "采购", "食材采购", null, null, RiskLevel.LOW);
        return Stream.of(
                Named.<Object>named(
                        "entrust", new EntrustLeadInterviewer(ID, SECRETARY, DEPUTY, LocalDate.of(2018, 11, 1))),
                Named.<Object>named("reschedule", new RescheduleInterview(ID, LocalDate.of(2018, 11, 20), "会议室", "出差")),
                Named.<Object>named("cancel", new CancelInterview(ID, "干部调整")),
                Named.<Object>named("add a responsibility", new AddResponsibilityItem(ID, newDuty)),
                Named.<Object>named(
                        "apply a template", new ApplyResponsibilityTemplate(ID, "tpl-2018", List.of(newDuty))),
                Named.<Object>named("revise a responsibility", new ReviseResponsibilityItem(ID, revisedDuty)),
                Named.<Object>named("remove a responsibility", new RemoveResponsibilityItem(ID, "d1")),
                Named.<Object>named("add a problem", new AddProblemItem(ID, newProblem)),
                Named.<Object>named("revise a problem", new ReviseProblemItem(ID, revisedProblem)),
                Named.<Object>named("remove a problem", new RemoveProblemItem(ID, "p1")),
                Named.<Object>named("add a risk", new AddRiskItem(ID, newRisk)),
                Named.<Object>named("revise a risk", new ReviseRiskItem(ID, revisedRisk)),
                Named.<Object>named("remove a risk", new RemoveRiskItem(ID, "k1")),
                Named.<Object>named("conduct", conductBy(SECRETARY, false)));
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void onlyAScheduledInterviewTakesCommands(Object command) {
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                .when(command)
                .expectSuccessfulHandlerExecution();
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED, CONDUCTED)
                .when(command)
                .expectNoEvents()
                .expectException(refused("ALREADY_CONDUCTED", Refusal.Kind.CONFLICT));
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED, new InterviewCancelled("iv-1", "干部调整"))
                .when(command)
                .expectNoEvents()
                .expectException(refused("INTERVIEW_CANCELLED", Refusal.Kind.CONFLICT));
        fixture.given(new InterviewSchedulingRefused(
                        "iv-1", TRANSPORT_LEADER, DEPUTY.ref(), "ENTRUSTMENT_REQUIRED", "x"))
                .when(command)
                .expectNoEvents()
                .expectException(refused("SCHEDULING_REFUSED", Refusal.Kind.CONFLICT));
    }
}
