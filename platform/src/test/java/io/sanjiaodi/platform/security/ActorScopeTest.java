package io.sanjiaodi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.platform.Refusal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The aggregate's own scope check reads the actor from the command's metadata and fails closed. */
class ActorScopeTest {

    private static final Actor OFFICE_FENGHUA =
            new Actor("office-fenghua", "奉化", Role.SUPERVISION_OFFICE, "fenghua", null, null);
    private static final Actor STATIONED = new Actor(
            "stationed", "吴刚", Role.SUPERVISING_BODY, "ningbo", null, List.of("nb-transport", "nb-road-transport"));
    private static final Actor UNIT_LEADER =
            new Actor("unit-leader", "张某", Role.UNIT_LEADER, "ningbo", "nb-transport", null);

    @Test
    void aDistrictOfficeIsRefusedOnACityRecordWithTheWebLayersCode() {
        assertThatThrownBy(() -> ActorScope.requireUnit(
                        ActorMetaData.forCommand(OFFICE_FENGHUA), "nb-coop", "ningbo", "interview iv-1"))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.code()).isEqualTo("OUT_OF_SCOPE");
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
                    assertThat(r.getMessage()).contains("interview iv-1");
                });
    }

    @Test
    void aDistrictOfficeActsOnARecordOfItsOwnDistrict() {
        assertThatCode(() -> ActorScope.requireUnit(
                        ActorMetaData.forCommand(OFFICE_FENGHUA), "fh-womens-federation", "fenghua", "interview"))
                .doesNotThrowAnyException();
    }

    @Test
    void theServicesOwnWorkPassesEveryScope() {
        assertThat(ActorScope.actorOf(Map.of(ActorMetaData.ACTOR, "system:rectification-service")))
                .isEmpty();
        assertThatCode(() -> ActorScope.requireUnit(
                        Map.of(ActorMetaData.ACTOR, "system:rectification-service"), "nb-coop", "ningbo", "ledger"))
                .doesNotThrowAnyException();
    }

    @Test
    void aCommandThatNamesNoActorIsRefused() {
        assertThatThrownBy(() -> ActorScope.requireUnit(Map.of(), "nb-coop", "ningbo", "ledger"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("OUT_OF_SCOPE"));
        assertThatThrownBy(() -> ActorScope.actorOf(Map.of(ActorMetaData.ACTOR, " ")))
                .isInstanceOf(Refusal.class);
    }

    /** Only the service's own actor has no role: a user whose id merely looks like one is checked. */
    @Test
    void aUserWhoseIdLooksLikeTheServicesIsStillChecked() {
        Map<String, String> meta = Map.of(
                ActorMetaData.ACTOR, "system:x",
                ActorMetaData.ROLE, "SUPERVISION_OFFICE",
                ActorMetaData.JURISDICTION, "fenghua");
        assertThatThrownBy(() -> ActorScope.requireUnit(meta, "nb-coop", "ningbo", "ledger"))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void theActorIsReadBackAsTheTokenNamedIt() {
        assertThat(ActorScope.actorOf(ActorMetaData.forCommand(STATIONED)))
                .contains(new Actor(
                        "stationed", null, Role.SUPERVISING_BODY, "ningbo", null, STATIONED.supervisedUnitIds()));
        assertThat(ActorScope.actorOf(ActorMetaData.forCommand(UNIT_LEADER)))
                .contains(new Actor("unit-leader", null, Role.UNIT_LEADER, "ningbo", "nb-transport", List.of()));
    }

    @Test
    void aSupervisingBodyActsOnlyOnTheUnitsItSupervises() {
        Map<String, String> meta = ActorMetaData.forCommand(STATIONED);
        assertThatCode(() -> ActorScope.requireUnit(meta, "nb-road-transport", "ningbo", "ledger"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ActorScope.requireUnit(meta, "nb-coop", "ningbo", "ledger"))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void aUnitUserActsOnlyOnItsOwnUnit() {
        Map<String, String> meta = ActorMetaData.forCommand(UNIT_LEADER);
        assertThatCode(() -> ActorScope.requireUnit(meta, "nb-transport", "ningbo", "ledger"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ActorScope.requireUnit(meta, "nb-coop", "ningbo", "ledger"))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void aRoleTheContractDoesNotKnowIsRefused() {
        Map<String, String> meta = Map.of(
                ActorMetaData.ACTOR, "someone", ActorMetaData.ROLE, "JANITOR", ActorMetaData.JURISDICTION, "ningbo");
        assertThatThrownBy(() -> ActorScope.requireUnit(meta, "nb-coop", "ningbo", "ledger"))
                .isInstanceOf(Refusal.class);
    }

    /** The supervised units ride on the command only: events keep the four actor keys of the contract. */
    @Test
    void supervisedUnitsTravelOnTheCommandButNotOnTheEvents() {
        assertThat(ActorMetaData.forCommand(STATIONED))
                .containsEntry(ActorMetaData.SUPERVISED_UNITS, "nb-transport,nb-road-transport");
        assertThat(ActorMetaData.forCommand(UNIT_LEADER)).doesNotContainKey(ActorMetaData.SUPERVISED_UNITS);
        assertThat(ActorMetaData.of(STATIONED)).doesNotContainKey(ActorMetaData.SUPERVISED_UNITS);
        assertThat(ActorMetaData.KEYS).doesNotContain(ActorMetaData.SUPERVISED_UNITS);
    }
}
