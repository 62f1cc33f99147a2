package io.sanjiaodi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.platform.security.DenialWindows.Closed;
import io.sanjiaodi.platform.security.DenialWindows.Decision;
import io.sanjiaodi.platform.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenialWindowsTest {

    static final Instant T0 = Instant.parse("2019-03-25T08:00:00Z");

    final MovableClock clock = new MovableClock(T0);
    final DenialWindows<String> windows = new DenialWindows<>(clock, Duration.ofMinutes(1), 3);
    final List<Closed<String>> meanwhile = new ArrayList<>();

    @Test
    void theFirstRefusalOfAWindowIsRecordedAtOnceAndTheRestAreCountedUntilItEnds() {
        assertThat(windows.offer("a", "first", meanwhile)).isEqualTo(Decision.RECORD_NOW);
        for (int i = 0; i < 9_999; i++) {
            assertThat(windows.offer("a", "later", meanwhile)).isEqualTo(Decision.COUNTED);
        }
        clock.advance(Duration.ofSeconds(59));
        assertThat(windows.offer("a", "later", meanwhile)).isEqualTo(Decision.COUNTED);
        assertThat(windows.closeExpired()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(windows.closeExpired())
                .containsExactly(new Closed<>("first", 10_000, T0.plus(Duration.ofMinutes(1))));
        assertThat(windows.openWindows()).isZero();
        assertThat(meanwhile).isEmpty();
    }

    @Test
    void aWindowWithOnlyItsFirstRefusalClosesWithoutAnotherRecord() {
        windows.offer("a", "first", meanwhile);
        clock.advance(Duration.ofMinutes(1));
        assertThat(windows.closeExpired()).isEmpty();
        assertThat(windows.openWindows()).isZero();
    }

    @Test
    void eachKeyHasItsOwnWindow() {
        assertThat(windows.offer("a", "a1", meanwhile)).isEqualTo(Decision.RECORD_NOW);
        clock.advance(Duration.ofSeconds(30));
        assertThat(windows.offer("b", "b1", meanwhile)).isEqualTo(Decision.RECORD_NOW);
        windows.offer("a", "a2", meanwhile);
        windows.offer("b", "b2", meanwhile);
        clock.advance(Duration.ofSeconds(30));
        assertThat(windows.closeExpired()).containsExactly(new Closed<>("a1", 1, T0.plus(Duration.ofMinutes(1))));
        assertThat(windows.openWindows()).isEqualTo(1);
        assertThat(windows.closeAll()).containsExactly(new Closed<>("b1", 1, T0.plus(Duration.ofSeconds(90))));
    }

    @Test
    void aRefusalAfterAnEndedWindowThatWasNotYetClosedClosesItAndOpensTheNext() {
        windows.offer("a", "a1", meanwhile);
        windows.offer("a", "a2", meanwhile);
        clock.advance(Duration.ofMinutes(1));
        assertThat(windows.offer("a", "a3", meanwhile)).isEqualTo(Decision.RECORD_NOW);
        assertThat(meanwhile).containsExactly(new Closed<>("a1", 1, T0.plus(Duration.ofMinutes(1))));
        assertThat(windows.openWindows()).isEqualTo(1);
        assertThat(windows.offer("a", "a4", meanwhile)).isEqualTo(Decision.COUNTED);
    }

    @Test
    void pastTheLimitOfOpenWindowsANewKeyIsOnlyCountedWhileOpenKeysStillCoalesce() {
        windows.offer("a", "a", meanwhile);
        windows.offer("b", "b", meanwhile);
        windows.offer("c", "c", meanwhile);
        assertThat(windows.offer("d", "d", meanwhile)).isEqualTo(Decision.OVERFLOW);
        assertThat(windows.offer("a", "a", meanwhile)).isEqualTo(Decision.COUNTED);
        assertThat(windows.openWindows()).isEqualTo(3);
        clock.advance(Duration.ofMinutes(1));
        windows.closeExpired();
        assertThat(windows.offer("d", "d", meanwhile)).isEqualTo(Decision.RECORD_NOW);
    }

    @Test
    void aWindowNeedsAPositiveLengthAndRoomForAKey() {
        assertThatThrownBy(() -> new DenialWindows<String>(clock, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DenialWindows<String>(clock, Duration.ofSeconds(-1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DenialWindows<String>(clock, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new DenialWindows<String>(clock, Duration.ofNanos(1), 1).openWindows())
                .isZero();
    }

    /** A clock the test moves by hand. */
}
