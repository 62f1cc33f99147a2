package io.sanjiaodi.rectification.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.rectification.InMemoryMongo;
import io.sanjiaodi.rectification.command.rectification.LedgerId;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.OpenRectification;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InterviewConductedIntakeTest {

    final InterviewConductedIntake intake = new InterviewConductedIntake(null, null, InMemoryMongo.settings());

    private static InterviewConducted talkIn(String jurisdiction) {
        return new InterviewConducted(
                "iv-1",
                new Interviewee(
                        "某", "书记", "u", "单位", jurisdiction, CadreLevel.COUNTY_MANAGED, LocalDate.of(2018, 1, 1)),
                LocalDate.of(2018, 11, 15),
                null,
                null,
                null,
                null,
                null,
                null,
                new FrozenLists(1, null, null, null),
                "h");
    }

    @Test
    void thePlanIsDueTheConfiguredDaysAndTheWrittenReportThreeMonthsAfterTheTalk() {
        OpenRectification open = intake.open(LedgerId.forInterview("iv-1"), talkIn("ningbo"));
        assertThat(open.planDueOn()).isEqualTo(LocalDate.of(2018, 12, 15));
        assertThat(open.writtenReportDueOn()).isEqualTo(LocalDate.of(2019, 2, 15));
    }

    @Test
    void aJurisdictionMaySetItsOwnWrittenReportPeriod() {
        assertThat(intake.open(LedgerId.forInterview("iv-1"), talkIn("yuyao")).writtenReportDueOn())
                .isEqualTo(LocalDate.of(2019, 1, 15));
    }
}
