package io.sanjiaodi.rectification.command.rectification;

import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.common.Signature;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.*;
import java.time.Instant;
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
    private static final Signature SIGNED = new Signature("某某", Instant.parse("2019-03-01T02:00:00Z"));
    private static final InterviewConducted CONDUCTED = new InterviewConducted("iv-9", WHO, LocalDate.of(2019, 3, 1),
            "余姚市纪委", new PersonRef("yy-secretary", "某某", "余姚市纪委书记"), new PersonRef("yy-office", "某", "主任"),
            "要点", SIGNED, SIGNED, new FrozenLists(3,
            List.of(new ResponsibilityItem("d1", ResponsibilityKind.REQUIRED, "专题研究党风廉政建设", "tpl")),
            List.of(new ProblemItem("p1", "耗材采购", "耗材采购监管不严", SourceChannel.PETITION_REPORT,
                    new ConfidentialSource("举报人", "信访件"))),
            List.of(new RiskItem("r1", "医药代表", "医药代表接待不规范", null, null, RiskLevel.HIGH))), "hash");

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
                        List.of(new Task("task-p1", TaskKind.PROBLEM_RECTIFICATION, "p1", "耗材采购", "耗材采购监管不严"),
                                new Task("task-r1", TaskKind.RISK_PREVENTION, "r1", "医药代表", "医药代表接待不规范"),
                                new Task("task-d1", TaskKind.DUTY, "d1", null, "专题研究党风廉政建设"))));
    }

    @Test
    void theLedgerIdIsDerivedFromTheInterviewSoARedeliveryNamesTheSameLedger() {
        org.assertj.core.api.Assertions.assertThat(LedgerId.forInterview("iv-9"))
                .isEqualTo(LedgerId.forInterview("iv-9"))
                .isNotEqualTo(LedgerId.forInterview("iv-10"));
    }
}
