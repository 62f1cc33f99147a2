package io.sanjiaodi.interview.command.interview;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenListItem;
import io.sanjiaodi.contracts.interview.InterviewConducted.ListKind;
import io.sanjiaodi.contracts.interview.InterviewScheduled;
import io.sanjiaodi.contracts.interview.ListItemAdded;
import io.sanjiaodi.platform.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InterviewTest {

    private static final InterviewId ID = new InterviewId("iv-1");
    private static final Interviewee WHO = new Interviewee("张某", "党委书记", "nb-transport", "市交通局", "ningbo",
            CadreLevel.CITY_MANAGED, LocalDate.of(2018, 10, 30));
    private static final PersonRef LEAD = new PersonRef("nb-secretary", "李某", "市纪委书记");
    private static final InterviewScheduled SCHEDULED =
            new InterviewScheduled("iv-1", WHO, LocalDate.of(2018, 11, 15), "谈话室", LEAD);
    private static final ListItemAdded PROBLEM_ADDED =
            new ListItemAdded("iv-1", "item-1", ListKind.PROBLEM, "工程建设", "招投标监管不到位");

    private FixtureConfiguration<Interview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Interview.class);
    }

    @Test
    void schedulingAnInterviewRecordsWhoIsInterviewedWhenAndByWhom() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleInterview(ID, WHO, LocalDate.of(2018, 11, 15), "谈话室", LEAD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(SCHEDULED);
    }

    @Test
    void anInterviewCannotBePlannedBeforeTheAppointment() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleInterview(ID, WHO, LocalDate.of(2018, 10, 1), "谈话室", LEAD))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the talk cannot be planned before the interviewee's appointment date");
    }

    @Test
    void anInterviewWithoutAnIntervieweeUnitIsRefused() {
        Interviewee noUnit = new Interviewee("张某", "党委书记", " ", "市交通局", "ningbo", CadreLevel.CITY_MANAGED, null);
        fixture.givenNoPriorActivity()
                .when(new ScheduleInterview(ID, noUnit, LocalDate.of(2018, 11, 15), "谈话室", LEAD))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void itemsAreAddedToTheListsWhileTheInterviewIsPrepared() {
        fixture.given(SCHEDULED)
                .when(new AddListItem(ID, "item-1", ListKind.PROBLEM, "工程建设", "招投标监管不到位"))
                .expectEvents(PROBLEM_ADDED);
    }

    @Test
    void theSameItemCannotBeAddedTwice() {
        fixture.given(SCHEDULED, PROBLEM_ADDED)
                .when(new AddListItem(ID, "item-1", ListKind.PROBLEM, "工程建设", "重复"))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void conductingFreezesTheListsWithTheirHash() {
        FrozenListItem item = new FrozenListItem("item-1", ListKind.PROBLEM, "工程建设", "招投标监管不到位");
        fixture.given(SCHEDULED, PROBLEM_ADDED)
                .when(new ConductInterview(ID, LocalDate.of(2018, 11, 15), "谈话室"))
                .expectEvents(new InterviewConducted("iv-1", WHO, LocalDate.of(2018, 11, 15), "谈话室", LEAD,
                        List.of(item), ListsHash.of(List.of(item))));
    }

    @Test
    void aConductedInterviewCannotBeConductedAgainNorItsListsChanged() {
        InterviewConducted conducted = new InterviewConducted("iv-1", WHO, LocalDate.of(2018, 11, 15), "谈话室",
                LEAD, List.of(), ListsHash.of(List.of()));
        fixture.given(SCHEDULED, conducted)
                .when(new ConductInterview(ID, LocalDate.of(2018, 11, 16), "谈话室"))
                .expectNoEvents()
                .expectException(RuleViolation.class);
        fixture.given(SCHEDULED, conducted)
                .when(new AddListItem(ID, "item-2", ListKind.RISK, "食堂", "食堂管理"))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void theListsHashChangesWhenAnyItemChanges() {
        FrozenListItem a = new FrozenListItem("item-1", ListKind.PROBLEM, "工程建设", "招投标监管不到位");
        FrozenListItem b = new FrozenListItem("item-1", ListKind.PROBLEM, "工程建设", "招投标监管不到位。");
        FrozenListItem shifted = new FrozenListItem("item-1", ListKind.PROBLEM, "工程建设招", "投标监管不到位");
        assertThat(ListsHash.of(List.of(a))).hasSize(64)
                .isNotEqualTo(ListsHash.of(List.of(b)))
                .isNotEqualTo(ListsHash.of(List.of(shifted)))
                .isEqualTo(ListsHash.of(List.of(new FrozenListItem("item-1", ListKind.PROBLEM, "工程建设", "招投标监管不到位"))));
    }
}
