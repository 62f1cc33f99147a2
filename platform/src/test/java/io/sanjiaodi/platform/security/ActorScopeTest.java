package io.sanjiaodi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scope a list query filters by admits exactly the records {@link Actor#mayAccessUnit} admits. */
class ActorScopeTest {

    private static final List<String> UNITS = List.of(
            "nb-transport", "nb-passenger-transport", "nb-port-shipping", "yy-hospital", "fh-school", "elsewhere");
    private static final List<String> JURISDICTIONS = List.of("ningbo", "yuyao", "jiangbei", "fenghua", "hangzhou");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "leader",
                "office",
                "office-fenghua",
                "stationed",
                "unit-leader",
                "unit-staff",
                "subunit-staff",
                "auditor",
                "admin"
            })
    void theScopeAndTheRecordCheckAgreeOnEveryUnitAndJurisdiction(String userId) {
        TestTokens.User u = TestTokens.user(userId);
        Actor actor = new Actor(u.id(), u.name(), u.role(), u.jurisdictionId(), u.unitId(), u.supervisedUnitIds());
        Actor.Scope scope = actor.scope();
        int admitted = 0;
        for (String unit : UNITS) {
            for (String jurisdiction : JURISDICTIONS) {
                String value = scope.field().equals(Actor.Scope.UNIT) ? unit : jurisdiction;
                assertThat(scope.values().contains(value))
                        .as("%s on %s/%s", userId, unit, jurisdiction)
                        .isEqualTo(actor.mayAccessUnit(unit, jurisdiction));
                admitted += scope.values().contains(value) ? 1 : 0;
            }
        }
        assertThat(admitted).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ningbo", "fenghua"})
    void aJurisdictionsSubtreeIsItselfAndWhatLiesBelow(String scope) {
        assertThat(Jurisdictions.subtree(scope))
                .isEqualTo(
                        scope.equals("ningbo")
                                ? java.util.Set.of("ningbo", "yuyao", "jiangbei", "fenghua")
                                : java.util.Set.of("fenghua"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNIT_LEADER", "SUPERVISING_BODY"})
    void anActorWithoutUnitsSeesNothing(String role) {
        Actor actor = new Actor("x", "x", Role.valueOf(role), "ningbo", null, List.of());
        assertThat(actor.scope().values()).isEmpty();
        assertThat(new Actor("x", "x", null, "ningbo", null, List.of()).scope().values())
                .isEmpty();
    }
}
