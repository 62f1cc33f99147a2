package io.sanjiaodi.interview.query.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view a unit user or a supervising body reads: every problem, none of their confidential sources. */
class InterviewViewTest {

    static final ProblemItem REPORTED = new ProblemItem(
            "p1",
            "工程建设",
            "招投标监管不到位",
            SourceChannel.PETITION_REPORT,
            new ConfidentialSource("实名举报人：某某", "信访件 2018-117"));
    static final ProblemItem FOUND = new ProblemItem(
            "p2", "作风建设", "公车私用", SourceChannel.INSPECTION_TOUR, new ConfidentialSource(null, "巡察-2018-3"));
    static final ProblemItem UNSOURCED = new ProblemItem("p3", "财务", "超标接待", SourceChannel.DAILY_SUPERVISION, null);
    static final ResponsibilityItem DUTY = new ResponsibilityItem("d1", ResponsibilityKind.REQUIRED, "专题研究", "tpl");
    static final RiskItem RISK = new RiskItem("k1", "道路运输", "运输许可", "某案", "留痕", RiskLevel.HIGH);

    static InterviewView view() {
        var view = new InterviewView();
        view.interviewId = "iv-1";
        view.listVersion = 5;
        view.responsibilities.add(DUTY);
        view.problems.addAll(List.of(REPORTED, FOUND, UNSOURCED));
        view.risks.add(RISK);
        return view;
    }

    @Test
    void withoutConfidentialSourcesEveryProblemRemainsButNoneKeepsItsSource() {
        InterviewView cut = view().withoutConfidentialSources();
        assertThat(cut.problems)
                .containsExactly(
                        new ProblemItem("p1", "工程建设", "招投标监管不到位", SourceChannel.PETITION_REPORT, null),
                        new ProblemItem("p2", "作风建设", "公车私用", SourceChannel.INSPECTION_TOUR, null),
                        UNSOURCED);
        assertThat(cut.problems).extracting(ProblemItem::confidentialSource).containsOnlyNulls();
    }

    @Test
    void cuttingTheSourcesLeavesTheOtherListsAsTheyAre() {
        InterviewView cut = view().withoutConfidentialSources();
        assertThat(cut.interviewId).isEqualTo("iv-1");
        assertThat(cut.listVersion).isEqualTo(5);
        assertThat(cut.responsibilities).containsExactly(DUTY);
        assertThat(cut.risks).containsExactly(RISK);
    }
}
