package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sanjiaodi.systemtest.RunningSystem.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Units are bound to jurisdictions by the registry: a district office cannot open a city unit's
 * interview by claiming its own district, and a registry edit is an event on the record.
 */
class RegistrySystemTest {

    @RegisterExtension
    static final LocalSystem LOCAL = new LocalSystem("reg_");

    private static RunningSystem system;

    @BeforeAll
    static void connect() {
        system = LOCAL.services();
    }

    private static String schedule(String jurisdictionId, String cadreLevel, String leadId) {
        return """
                {"interviewee": {"name": "陈某", "position": "党组书记", "unitId": "nb-coop", "unitName": "奉化区合作局",
                                 "jurisdictionId": "%s", "cadreLevel": "%s", "appointmentDate": "2018-09-20"},
                 "plannedDate": "2018-10-15", "place": "谈话室", "leadInterviewerId": "%s"}""".formatted(jurisdictionId, cadreLevel, leadId);
    }

    @Test
    void aFenghuaOfficeSchedulingForACityUnitClaimingFenghuaIsRefusedAndNothingIsStored() throws Exception {
        StoredEvents interviews = LOCAL.storedEvents("interview");
        int before = interviews.aggregatesWith("InterviewScheduled").size()
                + interviews.aggregatesWith("InterviewSchedulingRefused").size();
        Http.Response refused = Http.as("office-fenghua")
                .post(
                        system.url(Service.INTERVIEW) + "/api/interviews",
                        schedule("fenghua", "COUNTY_MANAGED", "fh-secretary"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("code").asText()).isEqualTo("OUT_OF_SCOPE");
        assertThat(interviews.aggregatesWith("InterviewScheduled").size()
                        + interviews
                                .aggregatesWith("InterviewSchedulingRefused")
                                .size())
                .isEqualTo(before);
        await().atMost(SystemProbe.WITHIN)
                .untilAsserted(() -> assertThat(Http.as("auditor")
                                .get(system.url(Service.AUDIT) + "/api/audit/security-events?size=500")
                                .body()
                                .findValues("payload")
                                .stream()
                                .anyMatch(p -> p.path("code").asText().equals("OUT_OF_SCOPE")
                                        && p.path("userId").asText().equals("office-fenghua")
                                        && p.path("path").asText().equals("/api/interviews")))
                        .isTrue());
    }

    @Test
    void aCadreLevelOrJurisdictionOtherThanTheRegistrysIsRefused() {
        String url = system.url(Service.INTERVIEW) + "/api/interviews";
        Http.Response lower = Http.as("office").post(url, schedule("ningbo", "COUNTY_MANAGED", "nb-secretary"));
        assertThat(lower.status()).isEqualTo(422);
        assertThat(lower.body().get("code").asText()).isEqualTo("CADRE_LEVEL_MISMATCH");
        Http.Response moved = Http.as("office").post(url, schedule("fenghua", "CITY_MANAGED", "nb-secretary"));
        assertThat(moved.body().get("code").asText()).isEqualTo("UNIT_JURISDICTION_MISMATCH");
        Http.Response scheduled = Http.as("office").post(url, schedule("ningbo", "CITY_MANAGED", "nb-secretary"));
        assertThat(scheduled.status()).as("%s", scheduled.body()).isEqualTo(201);
        String id = scheduled.body().get("id").asText();
        await().atMost(SystemProbe.WITHIN)
                .untilAsserted(() -> assertThat(Http.as("office")
                                .get(system.url(Service.INTERVIEW) + "/api/interviews/" + id)
                                .body()
                                .at("/interviewee/unitName")
                                .asText())
                        .as("the registry's name, not the claimed one")
                        .isEqualTo("市支援合作局"));
    }

    @Test
    void theAdministratorsRegistryEditsAreEventsOnTheRecord() {
        String units = system.url(Service.INTERVIEW) + "/api/units/";
        Http.Response put = Http.as("admin").put(units + "jb-new-centre", """
                        {"name": "江北区新中心", "jurisdictionId": "jiangbei", "leaderCadreLevel": "COUNTY_MANAGED"}""");
        assertThat(put.status()).as("%s", put.body()).isEqualTo(200);
        assertThat(Http.as("office")
                        .get(units + "jb-new-centre")
                        .body()
                        .get("jurisdictionId")
                        .asText())
                .isEqualTo("jiangbei");
        assertThat(Http.as("office")
                        .get(units + "nb-passenger-transport")
                        .body()
                        .get("parentUnitId")
                        .asText())
                .isEqualTo("nb-transport");
        Http.Response person = Http.as("admin").put(system.url(Service.INTERVIEW) + "/api/people/jb-secretary", """
                        {"name": "郑伟", "post": "江北区纪委书记", "role": "DISTRICT_SECRETARY", "jurisdictionId": "jiangbei"}""");
        assertThat(person.status()).as("%s", person.body()).isEqualTo(200);
        assertThat(Http.as("office")
                        .get(system.url(Service.INTERVIEW) + "/api/people/jb-secretary")
                        .body()
                        .get("post")
                        .asText())
                .isEqualTo("江北区纪委书记");
        await().atMost(SystemProbe.WITHIN).untilAsserted(() -> {
            String trail = Http.as("auditor")
                    .get(system.url(Service.AUDIT) + "/api/audit/events?size=500")
                    .body()
                    .toString();
            assertThat(trail).contains("UnitRegistered", "jb-new-centre", "PersonRevised", "江北区纪委书记");
        });
    }

    /**
     * A unit, a person and an interview share one event store: an id people chose for one record must
     * never load another kind's events (once a 500, or a person's events appended to a unit's stream).
     */
    @Test
    void aUnitAndAPersonMayShareAnIdAndAnInterviewAtThatIdIsSimplyNotFound() {
        String shared = "jb-shared-" + System.nanoTime();
        String base = system.url(Service.INTERVIEW);
        Http.Response unit = Http.as("admin").put(base + "/api/units/" + shared, """
                        {"name": "江北区共用编号单位", "jurisdictionId": "jiangbei", "leaderCadreLevel": "COUNTY_MANAGED"}""");
        assertThat(unit.status()).as("%s", unit.body()).isEqualTo(200);
        Http.Response person = Http.as("admin").put(base + "/api/people/" + shared, """
                        {"name": "王某", "post": "江北区纪委副书记", "role": "DISTRICT_SECRETARY", "jurisdictionId": "jiangbei"}""");
        assertThat(person.status()).as("%s", person.body()).isEqualTo(200);
        Http.Response risk = Http.as("office").post(base + "/api/interviews/" + shared + "/risks", """
                        {"businessArea": "工程", "description": "风险", "typicalCases": "案例",
                         "preventionExpectations": "措施", "level": "LOW"}""");
        assertThat(risk.status()).as("%s", risk.body()).isEqualTo(404);
        assertThat(Http.as("office")
                        .get(base + "/api/units/" + shared)
                        .body()
                        .get("name")
                        .asText())
                .isEqualTo("江北区共用编号单位");
        assertThat(Http.as("office")
                        .get(base + "/api/people/" + shared)
                        .body()
                        .get("post")
                        .asText())
                .isEqualTo("江北区纪委副书记");
    }
}
