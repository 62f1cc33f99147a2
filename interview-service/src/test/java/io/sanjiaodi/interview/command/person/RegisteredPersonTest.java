package io.sanjiaodi.interview.command.person;

import static io.sanjiaodi.platform.testing.Refusals.refused;

import io.sanjiaodi.contracts.registry.PersonRegistered;
import io.sanjiaodi.contracts.registry.PersonRevised;
import io.sanjiaodi.interview.command.interview.OfficialRole;
import io.sanjiaodi.interview.command.person.PersonCommands.RegisterPerson;
import io.sanjiaodi.interview.command.person.PersonCommands.RevisePerson;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry of officials: the seed and every administrator's edit are events on the record. */
class RegisteredPersonTest {

    static final PersonRegistered HEAD = new PersonRegistered(
            "nb-stationed-transport",
            "吴刚",
            "组长",
            "STATIONED_AGENCY_HEAD",
            "ningbo",
            List.of("nb-road-transport", "nb-transport"));

    private FixtureConfiguration<RegisteredPerson> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RegisteredPerson.class);
    }

    private static RevisePerson revise(String post, OfficialRole role, Set<String> units) {
        return new RevisePerson("nb-stationed-transport", "吴刚", post, role, "ningbo", units);
    }

    @Test
    void theSeedRegistersAnOfficialWithTheUnitsInOneOrder() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson(
                        "nb-stationed-transport",
                        "吴刚",
                        "组长",
                        OfficialRole.STATIONED_AGENCY_HEAD,
                        "ningbo",
                        Set.of("nb-transport", "nb-road-transport")))
                .expectEvents(HEAD)
                .expectResultMessagePayload(true);
    }

    @Test
    void theSeedLeavesARegisteredOfficialAsTheAdministratorLeftThem() {
        fixture.given(HEAD)
                .when(new RegisterPerson(
                        "nb-stationed-transport", "别人", "组长", OfficialRole.CITY_SECRETARY, "ningbo", Set.of()))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void theAdministratorsEditIsRecordedAsARevision() {
        fixture.given(HEAD)
                .when(revise("组长", OfficialRole.STATIONED_AGENCY_HEAD, Set.of("nb-transport")))
                .expectEvents(new PersonRevised(
                        "nb-stationed-transport",
                        "吴刚",
                        "组长",
                        "STATIONED_AGENCY_HEAD",
                        "ningbo",
                        List.of("nb-transport")));
    }

    @Test
    void anEditThatChangesNothingRecordsNothing() {
        fixture.given(HEAD)
                .when(revise("组长", OfficialRole.STATIONED_AGENCY_HEAD, Set.of("nb-transport", "nb-road-transport")))
                .expectNoEvents();
        fixture.given(
                        HEAD,
                        new PersonRevised(
                                "nb-stationed-transport", "吴刚", "副组长", "STATIONED_AGENCY_HEAD", "ningbo", List.of()))
                .when(revise("副组长", OfficialRole.STATIONED_AGENCY_HEAD, null))
                .expectNoEvents();
    }

    @Test
    void anEditOfAnUnknownOfficialRegistersThem() {
        fixture.givenNoPriorActivity()
                .when(revise("组长", OfficialRole.STATIONED_AGENCY_HEAD, Set.of("nb-transport", "nb-road-transport")))
                .expectEvents(HEAD);
    }

    @Test
    void anOfficialNeedsANameAndARole() {
        fixture.givenNoPriorActivity()
                .when(new RevisePerson("p", " ", "post", OfficialRole.CITY_SECRETARY, "ningbo", Set.of()))
                .expectException(refused("PERSON_INCOMPLETE"));
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson("p", null, "post", OfficialRole.CITY_SECRETARY, "ningbo", Set.of()))
                .expectException(refused("PERSON_INCOMPLETE"));
        fixture.givenNoPriorActivity()
                .when(new RevisePerson("p", "某", "post", null, "ningbo", Set.of()))
                .expectNoEvents()
                .expectException(refused("PERSON_INCOMPLETE"));
    }
}
