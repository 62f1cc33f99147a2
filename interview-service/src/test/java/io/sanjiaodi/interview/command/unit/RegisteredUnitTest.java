package io.sanjiaodi.interview.command.unit;

import static io.sanjiaodi.platform.testing.Refusals.refused;

import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.registry.UnitRegistered;
import io.sanjiaodi.contracts.registry.UnitRevised;
import io.sanjiaodi.interview.command.unit.UnitCommands.RegisterUnit;
import io.sanjiaodi.interview.command.unit.UnitCommands.ReviseUnit;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.ActorMetaData;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The unit registry the commission keeps: every registration and change is an event. */
class RegisteredUnitTest {

    static final Map<String, String> SYSTEM = Map.of(ActorMetaData.ACTOR, "system:interview-service");
    static final Map<String, String> ADMIN =
            Map.of(ActorMetaData.ACTOR, "admin", ActorMetaData.ROLE, "ADMIN", ActorMetaData.JURISDICTION, "ningbo");
    static final Map<String, String> FENGHUA_ADMIN =
            Map.of(ActorMetaData.ACTOR, "fh-admin", ActorMetaData.ROLE, "ADMIN", ActorMetaData.JURISDICTION, "fenghua");

    static final UnitRegistered TRANSPORT =
            new UnitRegistered("nb-transport", "市交通局", "ningbo", CadreLevel.CITY_MANAGED, null);
    static final UnitRegistered PASSENGER = new UnitRegistered(
            "nb-passenger-transport", "市客运管理局", "ningbo", CadreLevel.CITY_DEPARTMENT_MANAGED, "nb-transport");

    private FixtureConfiguration<RegisteredUnit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RegisteredUnit.class);
    }

    @Test
    void theSeedRegistersAUnitWithItsParent() {
        fixture.givenNoPriorActivity()
                .when(
                        new RegisterUnit(
                                "nb-passenger-transport",
                                "市客运管理局",
                                "ningbo",
                                CadreLevel.CITY_DEPARTMENT_MANAGED,
                                "nb-transport"),
                        SYSTEM)
                .expectEvents(PASSENGER)
                .expectResultMessagePayload(true);
    }

    @Test
    void theSeedLeavesARegisteredUnitAsTheAdministratorLeftIt() {
        fixture.given(TRANSPORT, new UnitRevised("nb-transport", "宁波市交通运输局", "ningbo", CadreLevel.CITY_MANAGED, null))
                .when(new RegisterUnit("nb-transport", "市交通局", "ningbo", CadreLevel.CITY_MANAGED, null), SYSTEM)
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void theAdministratorRevisesAUnitAndTheChangeIsRecorded() {
        fixture.given(TRANSPORT)
                .when(new ReviseUnit("nb-transport", "市交通运输局", "ningbo", CadreLevel.CITY_MANAGED, null), ADMIN)
                .expectEvents(new UnitRevised("nb-transport", "市交通运输局", "ningbo", CadreLevel.CITY_MANAGED, null));
    }

    @Test
    void aRevisionThatChangesNothingRecordsNothing() {
        fixture.given(PASSENGER)
                .when(
                        new ReviseUnit(
                                "nb-passenger-transport",
                                "市客运管理局",
                                "ningbo",
                                CadreLevel.CITY_DEPARTMENT_MANAGED,
                                "nb-transport"),
                        ADMIN)
                .expectNoEvents();
    }

    @Test
    void eachFieldsChangeIsARevision() {
        fixture.given(PASSENGER)
                .when(
                        new ReviseUnit(
                                "nb-passenger-transport", "市客运管理局", "ningbo", CadreLevel.CITY_MANAGED, "nb-transport"),
                        ADMIN)
                .expectEvents(new UnitRevised(
                        "nb-passenger-transport", "市客运管理局", "ningbo", CadreLevel.CITY_MANAGED, "nb-transport"));
        fixture.given(PASSENGER)
                .when(
                        new ReviseUnit(
                                "nb-passenger-transport", "市客运管理局", "ningbo", CadreLevel.CITY_DEPARTMENT_MANAGED, null),
                        ADMIN)
                .expectEvents(new UnitRevised(
                        "nb-passenger-transport", "市客运管理局", "ningbo", CadreLevel.CITY_DEPARTMENT_MANAGED, null));
        fixture.given(PASSENGER)
                .when(
                        new ReviseUnit(
                                "nb-passenger-transport",
                                "市客运管理局",
                                "yuyao",
                                CadreLevel.CITY_DEPARTMENT_MANAGED,
                                "nb-transport"),
                        ADMIN)
                .expectEvents(new UnitRevised(
                        "nb-passenger-transport",
                        "市客运管理局",
                        "yuyao",
                        CadreLevel.CITY_DEPARTMENT_MANAGED,
                        "nb-transport"));
    }

    @Test
    void aRevisionOfAnUnknownUnitRegistersIt() {
        fixture.givenNoPriorActivity()
                .when(new ReviseUnit("nb-transport", "市交通局", "ningbo", CadreLevel.CITY_MANAGED, null), ADMIN)
                .expectEvents(TRANSPORT);
    }

    @Test
    void aUnitNeedsANameAKnownJurisdictionACadreLevelAndAnotherUnitAsParent() {
        fixture.givenNoPriorActivity()
                .when(new ReviseUnit("u1", " ", "ningbo", CadreLevel.CITY_MANAGED, null), ADMIN)
                .expectException(refused("UNIT_NAME_REQUIRED", Refusal.Kind.UNPROCESSABLE));
        fixture.givenNoPriorActivity()
                .when(new ReviseUnit("u1", null, "ningbo", CadreLevel.CITY_MANAGED, null), ADMIN)
                .expectException(refused("UNIT_NAME_REQUIRED"));
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("u1", "单位", "atlantis", CadreLevel.CITY_MANAGED, null), SYSTEM)
                .expectException(refused("UNKNOWN_JURISDICTION"));
        fixture.givenNoPriorActivity()
                .when(new ReviseUnit("u1", "单位", "ningbo", null, null), ADMIN)
                .expectException(refused("CADRE_LEVEL_REQUIRED"));
        fixture.givenNoPriorActivity()
                .when(new ReviseUnit("u1", "单位", "ningbo", CadreLevel.CITY_MANAGED, "u1"), ADMIN)
                .expectNoEvents()
                .expectException(refused("UNIT_PARENT_ITSELF"));
    }

    @Test
    void aDistrictAdministratorCanNotMoveACityUnitIntoItsDistrict() {
        fixture.given(TRANSPORT)
                .when(new ReviseUnit("nb-transport", "市交通局", "fenghua", CadreLevel.CITY_MANAGED, null), FENGHUA_ADMIN)
                .expectNoEvents()
                .expectException(refused("OUT_OF_SCOPE", Refusal.Kind.FORBIDDEN));
    }

    @Test
    void aDistrictAdministratorCanNotRegisterACityUnit() {
        fixture.givenNoPriorActivity()
                .when(new ReviseUnit("nb-transport", "市交通局", "ningbo", CadreLevel.CITY_MANAGED, null), FENGHUA_ADMIN)
                .expectNoEvents()
                .expectException(refused("OUT_OF_SCOPE"));
    }

    @Test
    void aCommandWithoutAnActorIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("nb-transport", "市交通局", "ningbo", CadreLevel.CITY_MANAGED, null))
                .expectException(refused("OUT_OF_SCOPE"));
    }
}
