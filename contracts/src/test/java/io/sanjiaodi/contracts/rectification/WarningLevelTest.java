package io.sanjiaodi.contracts.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.contracts.rectification.WarningLevel.Thresholds;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WarningLevelTest {

    private static final Thresholds DEFAULTS = new Thresholds(20, 10);
    private static final LocalDate TODAY = LocalDate.of(2019, 3, 1);

    private static WarningLevel dueIn(int days) {
        return WarningLevel.of(TODAY.plusDays(days), false, false, TODAY, DEFAULTS);
    }

    @Test
    void aTaskFarFromItsDeadlineShowsNoWarning() {
        assertThat(dueIn(21)).isEqualTo(WarningLevel.NONE);
    }

    @Test
    void yellowStartsOnTheYellowDayAndOrangeOnTheOrangeDay() {
        assertThat(dueIn(20)).isEqualTo(WarningLevel.YELLOW);
        assertThat(dueIn(11)).isEqualTo(WarningLevel.YELLOW);
        assertThat(dueIn(10)).isEqualTo(WarningLevel.ORANGE);
        assertThat(dueIn(0)).isEqualTo(WarningLevel.ORANGE);
    }

    @Test
    void aTaskPastItsDeadlineOrMarkedOverdueIsRed() {
        assertThat(dueIn(-1)).isEqualTo(WarningLevel.RED);
        assertThat(WarningLevel.of(TODAY.plusDays(30), false, true, TODAY, DEFAULTS))
                .isEqualTo(WarningLevel.RED);
    }

    @Test
    void aVerifiedOrUnplannedTaskShowsNoWarning() {
        assertThat(WarningLevel.of(TODAY.minusDays(5), true, true, TODAY, DEFAULTS))
                .isEqualTo(WarningLevel.NONE);
        assertThat(WarningLevel.of(null, false, false, TODAY, DEFAULTS)).isEqualTo(WarningLevel.NONE);
    }

    @Test
    void thresholdsWithOrangeBeyondYellowAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new Thresholds(5, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orange-days");
    }

    @Test
    void aPlanKeepsAVerifiedTaskVerified() {
        assertThat(TaskStatus.OPEN.planned()).isEqualTo(TaskStatus.PLANNED);
        assertThat(TaskStatus.PLANNED.planned()).isEqualTo(TaskStatus.PLANNED);
        assertThat(TaskStatus.VERIFIED.planned()).isEqualTo(TaskStatus.VERIFIED);
    }
}
