package io.sanjiaodi.rectification.command.rectification;

import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenListItem;
import io.sanjiaodi.contracts.interview.InterviewConducted.ListKind;
import io.sanjiaodi.contracts.rectification.RectificationOpened;
import io.sanjiaodi.contracts.rectification.RectificationOpened.Task;
import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RectificationTest {

    private static final Interviewee WHO = new Interviewee("某某", "院长、党委书记", "yy-hospital", "余姚市人民医院",
            "yuyao", CadreLevel.COUNTY_MANAGED, LocalDate.of(2019, 1, 2));
    private static final InterviewConducted CONDUCTED = new InterviewConducted("iv-9", WHO, LocalDate.of(2019, 3, 1),
            "余姚市纪委", new PersonRef("yy-secretary", "某某", "余姚市纪委书记"), List.of(
            new FrozenListItem("d1", ListKind.RESPONSIBILITY, "规定动作", "专题研究党风廉政建设"),
            new FrozenListItem("p1", ListKind.PROBLEM, "耗材采购", "耗材采购监管不严"),
            new FrozenListItem("r1", ListKind.RISK, "医药代表", "医药代表接待不规范")), "hash");

    private FixtureConfiguration<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Rectification.class);
    }

    @Test
    void aConductedInterviewOpensALedgerWithOneTaskPerListItem() {
        fixture.givenNoPriorActivity()
                .when(new OpenRectification(LedgerId.forInterview("iv-9"), CONDUCTED))
                .expectEvents(new RectificationOpened("ledger-iv-9", "iv-9", "yy-hospital", "余姚市人民医院", "yuyao",
                        List.of(new Task("task-d1", TaskKind.DUTY, "d1", "专题研究党风廉政建设"),
                                new Task("task-p1", TaskKind.PROBLEM_RECTIFICATION, "p1", "耗材采购监管不严"),
                                new Task("task-r1", TaskKind.RISK_PREVENTION, "r1", "医药代表接待不规范"))));
    }

    @Test
    void theLedgerIdIsDerivedFromTheInterviewSoARedeliveryNamesTheSameLedger() {
        org.assertj.core.api.Assertions.assertThat(LedgerId.forInterview("iv-9"))
                .isEqualTo(LedgerId.forInterview("iv-9"))
                .isNotEqualTo(LedgerId.forInterview("iv-10"));
    }
}
