package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.ActorRole.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.hamcrest.MatcherAssert.assertThat;

import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.testing.Refusals;
import io.sanjiaodi.rectification.command.rectification.Permissions.Action;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what on a ledger, action by action and role by role, as the root README's access
 * matrix says (commission roles are SUPERVISOR, the stationed group or township committee is
 * SUPERVISING_BODY, unit leaders and staff are UNIT; the sweeper is SYSTEM).
 */
class PermissionsTest {

    /** The specification, written out here rather than read from {@link Permissions}. */
    private static final Map<Action, Set<ActorRole>> ALLOWED = new EnumMap<>(Action.class);

    static {
        ALLOWED.put(Action.PLAN, EnumSet.of(UNIT));
        ALLOWED.put(Action.REQUEST_EXTENSION, EnumSet.of(UNIT));
        ALLOWED.put(Action.DECIDE_EXTENSION, EnumSet.of(SUPERVISOR));
        ALLOWED.put(Action.CASCADE, EnumSet.of(UNIT));
        ALLOWED.put(Action.COMPLETE_SUB_TASK, EnumSet.of(UNIT));
        ALLOWED.put(Action.REPORT_PROGRESS, EnumSet.of(UNIT));
        ALLOWED.put(Action.RECORD_REGULATION, EnumSet.of(UNIT));
        ALLOWED.put(Action.VERIFY, EnumSet.of(SUPERVISOR));
        ALLOWED.put(Action.FILE_WRITTEN_REPORT, EnumSet.of(UNIT));
        ALLOWED.put(Action.FILE_TRACKING_EVALUATION, EnumSet.of(SUPERVISOR, SUPERVISING_BODY));
        ALLOWED.put(Action.EVALUATE, EnumSet.of(SUPERVISOR, SUPERVISING_BODY));
        ALLOWED.put(Action.ACCOUNTABILITY, EnumSet.of(SUPERVISOR));
        ALLOWED.put(Action.SWEEP, EnumSet.of(SUPERVISOR, SYSTEM));
    }

    static Stream<Arguments> everyActionAndRole() {
        return Arrays.stream(Action.values())
                .flatMap(action -> Arrays.stream(ActorRole.values()).map(role -> Arguments.of(action, role)));
    }

    @Test
    void theSpecificationNamesEveryAction() {
        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(Action.values());
    }

    @ParameterizedTest(name = "{1} may {0}: as the access matrix says")
    @MethodSource("everyActionAndRole")
    void eachRoleMayDoExactlyWhatTheAccessMatrixAllows(Action action, ActorRole role) {
        assertThat(action.allows(role)).isEqualTo(ALLOWED.get(action).contains(role));
    }

    @ParameterizedTest(name = "{1} doing {0}")
    @MethodSource("everyActionAndRole")
    void requireRefusesARoleThatMayNotWith403RoleNotAllowedAndLetsTheOthersThrough(Action action, ActorRole role) {
        if (ALLOWED.get(action).contains(role)) {
            assertThatCode(() -> Permissions.require(role, action)).doesNotThrowAnyException();
        } else {
            assertThat(
                    Assertions.catchThrowable(() -> Permissions.require(role, action)),
                    Refusals.refused("ROLE_NOT_ALLOWED", Refusal.Kind.FORBIDDEN));
        }
    }

    @Test
    void noRoleMayDoAnything() {
        for (Action action : Action.values()) {
            assertThat(action.allows(null)).as(action.name()).isFalse();
            assertThat(
                    Assertions.catchThrowable(() -> Permissions.require(null, action)),
                    Refusals.refused("ROLE_NOT_ALLOWED", Refusal.Kind.FORBIDDEN));
        }
    }

    @Test
    void theSupervisingBodyFilesTheTrackingEvaluationAndStageEvaluationsAndNothingElse() {
        assertThat(Arrays.stream(Action.values()).filter(a -> a.allows(SUPERVISING_BODY)))
                .containsExactlyInAnyOrder(Action.FILE_TRACKING_EVALUATION, Action.EVALUATE);
    }

    @Test
    void aRefusalNamesTheRoleAndTheAction() {
        assertThat(Assertions.catchThrowable(() -> Permissions.require(SUPERVISING_BODY, Action.FILE_WRITTEN_REPORT)))
                .hasMessage("role SUPERVISING_BODY may not file written report");
    }
}
