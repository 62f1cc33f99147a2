package io.sanjiaodi.interview.query.units;

import static io.sanjiaodi.platform.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.MatcherAssert.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.registry.UnitRegistered;
import io.sanjiaodi.contracts.registry.UnitRevised;
import io.sanjiaodi.contracts.security.DemoUser;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.Actor;
import io.sanjiaodi.platform.security.Role;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Scheduling takes the unit from the registry: a district office cannot place a city unit in its
 * district by claiming so, nor claim a lower cadre level so that a lower-ranked official may lead.
 */
class UnitRegistryTest {

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static MongoClient client;
    private static UnitRegistry units;

    static final Actor OFFICE = new Actor("office", "周静", Role.SUPERVISION_OFFICE, "ningbo", null, null);
    static final Actor OFFICE_FENGHUA =
            new Actor("office-fenghua", "奉化", Role.SUPERVISION_OFFICE, "fenghua", null, null);

    @BeforeAll
    static void theRegistryKnowsTheCoopBureau() {
        InetSocketAddress address = SERVER.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MongoTemplate mongo = new MongoTemplate(client, "unit-registry-test");
        UnitProjection projection = new UnitProjection(mongo);
        projection.on(new UnitRegistered("nb-coop", "支援合作局", "ningbo", CadreLevel.CITY_MANAGED, null));
        projection.on(new UnitRevised("nb-coop", "市支援合作局", "ningbo", CadreLevel.CITY_MANAGED, null));
        projection.on(new UnitRegistered("fh-womens-federation", "奉化区妇联", "fenghua", CadreLevel.COUNTY_MANAGED, null));
        units = new UnitRegistry(mongo);
    }

    @AfterAll
    static void stop() {
        client.close();
        SERVER.shutdown();
    }

    private static Interviewee claiming(String unitId, String unitName, String jurisdictionId, CadreLevel level) {
        return new Interviewee("陈某", "党组书记", unitId, unitName, jurisdictionId, level, LocalDate.of(2018, 9, 20));
    }

    @Test
    void aFenghuaOfficeClaimingFenghuaForACityUnitIsOutOfScope() {
        Throwable refusal = catchThrowable(() ->
                units.registered(claiming("nb-coop", "市支援合作局", "fenghua", CadreLevel.COUNTY_MANAGED), OFFICE_FENGHUA));
        assertThat(refusal, refused("OUT_OF_SCOPE", Refusal.Kind.FORBIDDEN));
    }

    @Test
    void aUnitTheRegistryDoesNotKnowIsNotScheduled() {
        Throwable refusal = catchThrowable(
                () -> units.registered(claiming("nb-nowhere", "某局", "ningbo", CadreLevel.CITY_MANAGED), OFFICE));
        assertThat(refusal, refused("UNIT_NOT_REGISTERED", Refusal.Kind.UNPROCESSABLE));
    }

    @Test
    void aJurisdictionOtherThanTheRegistrysIsAMismatch() {
        Throwable refusal = catchThrowable(
                () -> units.registered(claiming("nb-coop", "市支援合作局", "fenghua", CadreLevel.CITY_MANAGED), OFFICE));
        assertThat(refusal, refused("UNIT_JURISDICTION_MISMATCH", Refusal.Kind.UNPROCESSABLE));
    }

    @Test
    void aLowerCadreLevelThanTheRegistrysIsAMismatch() {
        Throwable refusal = catchThrowable(
                () -> units.registered(claiming("nb-coop", "市支援合作局", "ningbo", CadreLevel.COUNTY_MANAGED), OFFICE));
        assertThat(refusal, refused("CADRE_LEVEL_MISMATCH", Refusal.Kind.UNPROCESSABLE));
    }

    @Test
    void theInterviewTakesTheRegistrysUnitName() {
        assertThat(units.registered(claiming("nb-coop", "合作局", "ningbo", CadreLevel.CITY_MANAGED), OFFICE))
                .isEqualTo(claiming("nb-coop", "市支援合作局", "ningbo", CadreLevel.CITY_MANAGED));
    }

    @Test
    void aDistrictOfficeSchedulesForItsOwnDistrictsUnit() {
        assertThat(units.registered(
                                claiming("fh-womens-federation", null, "fenghua", CadreLevel.COUNTY_MANAGED),
                                OFFICE_FENGHUA)
                        .unitName())
                .isEqualTo("奉化区妇联");
    }

    @Test
    void theRegistryIsListedByJurisdictionAndFoundById() {
        assertThat(units.all()).extracting(UnitView::unitId).containsExactly("fh-womens-federation", "nb-coop");
        assertThat(units.find("nb-coop").name()).isEqualTo("市支援合作局");
        assertThat(catchThrowable(() -> units.find("nb-nowhere")), refused("UNIT_NOT_FOUND", Refusal.Kind.NOT_FOUND));
        assertThat(units.lookup(null)).isEmpty();
    }

    /** The seed holds every unit a demo user acts for or supervises, each parent before its children. */
    @Test
    void theSeedHoldsEveryDemoUnitParentsFirst() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<UnitView> seed;
        List<DemoUser> users;
        try (InputStream in = getClass().getResourceAsStream("/registry/units.json");
                InputStream table = DemoUser.class.getResourceAsStream(DemoUser.TABLE)) {
            seed = json.readValue(in, new TypeReference<>() {});
            users = json.readValue(table, new TypeReference<>() {});
        }
        List<String> ids = seed.stream().map(UnitView::unitId).toList();
        assertThat(ids)
                .containsAll(users.stream()
                        .flatMap(u -> Stream.concat(Stream.ofNullable(u.unitId()), u.supervisedUnitIds().stream()))
                        .toList())
                .contains("nb-coop", "yy-hospital", "jb-project-centre", "fh-womens-federation");
        for (int i = 0; i < seed.size(); i++) {
            String parent = seed.get(i).parentUnitId();
            if (parent != null) {
                assertThat(ids.subList(0, i)).contains(parent);
            }
        }
    }
}
