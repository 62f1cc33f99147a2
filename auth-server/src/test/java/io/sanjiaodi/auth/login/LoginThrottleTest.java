package io.sanjiaodi.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The counting and the windows, on a clock the test moves. */
class LoginThrottleTest {

    static final Duration WINDOW = Duration.ofMinutes(15);

    final MutableClock clock = new MutableClock();
    final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(5, 20, WINDOW, 1000), clock);

    @Test
    void theFifthFailureLocksTheUserForOneWindowAndThenTheLockPasses() {
        for (int n = 1; n < 5; n++) {
            assertThat(throttle.failed("office", "10.0.0.1")).isEmpty();
            assertThat(throttle.locked("office", "10.0.0.1")).isEmpty();
        }
        assertThat(throttle.failed("office", "10.0.0.1")).containsExactly(LoginThrottle.Kind.USER);

        assertThat(throttle.locked("office", "10.9.9.9")).hasValueSatisfying(lock -> {
            assertThat(lock.kind()).isEqualTo(LoginThrottle.Kind.USER);
            assertThat(lock.remaining()).isEqualTo(WINDOW);
        });
        clock.advance(WINDOW.minusSeconds(1));
        assertThat(throttle.locked("office", "10.0.0.1")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.locked("office", "10.0.0.1")).isEmpty();
        // a new window: one more failure does not lock again
        assertThat(throttle.failed("office", "10.0.0.1")).isEmpty();
        assertThat(throttle.locked("office", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresFurtherApartThanTheWindowDoNotAddUp() {
        for (int n = 0; n < 4; n++) {
            throttle.failed("office", "10.0.0.1");
        }
        clock.advance(WINDOW);
        for (int n = 0; n < 4; n++) {
            throttle.failed("office", "10.0.0.1");
        }
        assertThat(throttle.locked("office", "10.0.0.1")).isEmpty();
    }

    @Test
    void twentyFailuresFromOneAddressLockItForEveryUserButNotTheUsersElsewhere() {
        for (int n = 0; n < 20; n++) {
            throttle.failed("guess-" + n, "10.0.0.7");
        }
        assertThat(throttle.locked("office", "10.0.0.7"))
                .hasValueSatisfying(lock -> assertThat(lock.kind()).isEqualTo(LoginThrottle.Kind.ADDRESS));
        assertThat(throttle.locked("office", "10.0.0.8")).isEmpty();
    }

    @Test
    void aSuccessForgetsTheUsersFailuresButNotTheAddresss() {
        for (int n = 0; n < 4; n++) {
            throttle.failed("office", "10.0.0.1");
        }
        throttle.succeeded("office");
        for (int n = 0; n < 4; n++) {
            throttle.failed("office", "10.0.0.1");
        }
        assertThat(throttle.locked("office", "10.0.0.1")).isEmpty();
        for (int n = 0; n < 12; n++) {
            throttle.failed("someone-" + n, "10.0.0.1");
        }
        // 4 + 4 + 12 failures from the address: the success did not reset it
        assertThat(throttle.locked("unit-leader", "10.0.0.1"))
                .hasValueSatisfying(lock -> assertThat(lock.kind()).isEqualTo(LoginThrottle.Kind.ADDRESS));
    }

    @Test
    void theUserNameCountsWhateverItsCaseAsTheUserDetailsServiceIgnoresCase() {
        for (String name : new String[] {"office", "OFFICE", "Office", " office", "oFFice"}) {
            throttle.failed(name, "10.0.0." + name.length());
        }
        assertThat(throttle.locked("office", "10.0.0.99")).isPresent();
    }

    @Test
    void aFloodOfInventedNamesKeepsAtMostTheCapAndDropsPassedKeysThenCountsButNotLocks() {
        LoginThrottle small = new LoginThrottle(new LoginThrottle.Settings(2, 1_000_000, WINDOW, 3), clock);
        small.failed("old", "10.0.0.1");
        clock.advance(WINDOW);
        small.failed("office", "10.0.0.1");
        small.failed("office", "10.0.0.1");
        small.failed("a", "10.0.0.1");
        // full (old, office, a): the next key drops "old", whose window has passed, not the locked office
        small.failed("b", "10.0.0.1");
        assertThat(small.locked("office", "10.0.0.1")).isPresent();
        for (int n = 0; n < 10_000; n++) {
            small.failed("flood-" + n, "10.0.0.1");
        }
        assertThat(small.tracked()).isLessThanOrEqualTo(3 + 1);
        // the flood's names only counted: they went first, the lock stayed
        assertThat(small.locked("office", "10.0.0.1")).isPresent();
    }

    @Test
    void limitsBelowOneOrAnEmptyWindowAreRefused() {
        assertThatThrownBy(() -> new LoginThrottle.Settings(0, 20, WINDOW, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottle.Settings(5, 20, Duration.ZERO, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
