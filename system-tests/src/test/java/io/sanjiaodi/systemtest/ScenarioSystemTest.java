package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanjiaodi.devstack.DemoData;
import io.sanjiaodi.platform.testing.CommonLimits;
import io.sanjiaodi.systemtest.RunningSystem.Service;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The five source scenarios entered through the API as an interviewer would (the same loader the
 * local run uses for its demo data), and the lead-interviewer rule refusing and recording attempts.
 */
class ScenarioSystemTest {

    @RegisterExtension
    static final LocalSystem LOCAL = new LocalSystem("sc_");

    /** The request before which the second instances stop: well before the last of the five scenarios. */
    private static final int STOP_SECOND_AT = 40;

    private static RunningSystem system;
    private static SystemProbe probe;

    @BeforeAll
    static void connect() {
        system = LOCAL.services();
        probe = LOCAL.probe();
    }

    /**
     * Issue #22's scale-out check: the five scenarios go in through two instances of interview-
     * service taking turns, with two instances of rectification-service sharing the partitions,
     * and halfway through the second instance of each is stopped; the result is what one instance
     * of each gives (the figures below, which a single-instance run asserted before). Killing
     * instances with kill -9 while clients run is FaultInjectionIT's.
     */
    @Test
    void theFiveSourceScenariosEnteredThroughTwoInstancesOfEachWithOneStoppedMidRunGiveTheOneInstanceResult()
            throws Exception {
        ConfigurableApplicationContext interviewB = system.startInstance(Service.INTERVIEW);
        ConfigurableApplicationContext rectificationB = system.startInstance(Service.RECTIFICATION);
        List<String> instances = List.of(system.url(Service.INTERVIEW), RunningSystem.urlOf(interviewB));
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger toSecond = new AtomicInteger();
        DemoData demo = new DemoData(
                () -> {
                    int n = requests.incrementAndGet();
                    if (n == STOP_SECOND_AT) {
                        interviewB.close();
                        rectificationB.close();
                    }
                    if (n < STOP_SECOND_AT && n % 2 == 0) {
                        toSecond.incrementAndGet();
                        return instances.get(1);
                    }
                    return instances.get(0);
                },
                Http.SIGNER);
        List<String> ids = demo.loadIfEmpty();
        assertThat(ids).hasSize(5);
        assertThat(toSecond.get()).as("requests the second instance answered").isPositive();
        assertThat(requests.get()).as("the stop came mid-run").isGreaterThan(STOP_SECOND_AT + 20);
        assertThat(demo.loadIfEmpty()).as("a second load adds nothing").isEmpty();

        JsonNode coop = probe.get(Service.INTERVIEW, "/api/interviews/" + ids.get(0));
        assertThat(coop.get("status").asText()).isEqualTo("CONDUCTED");
        assertThat(coop.get("problems")).hasSize(15);
        assertThat(coop.get("problems").findValuesAsText("aspect").stream().distinct())
                .hasSize(4);
        assertThat(coop.get("responsibilities").findValuesAsText("kind")).contains("REQUIRED", "CUSTOM");

        JsonNode transport = probe.get(Service.INTERVIEW, "/api/interviews/" + ids.get(1));
        assertThat(transport.at("/leadInterviewer/personId").asText()).isEqualTo("nb-deputy-1");
        assertThat(transport.at("/entrustment/secretary/personId").asText()).isEqualTo("nb-secretary");
        assertThat(transport.at("/conduct/listsHash").asText()).hasSize(64);

        JsonNode hospital = probe.get(Service.INTERVIEW, "/api/interviews/" + ids.get(2));
        assertThat(hospital.get("problems")).hasSize(9);
        assertThat(probe.get(Service.INTERVIEW, "/api/interviews?jurisdictionId=yuyao&year=2019"))
                .hasSize(1);
        assertThat(probe.get(Service.INTERVIEW, "/api/interviews?cadreLevel=CITY_MANAGED&status=CONDUCTED"))
                .hasSize(2);

        for (String id : ids) {
            await().atMost(SystemProbe.WITHIN).until(() -> probe.ledgerOf(id) != null);
        }
        for (String id : ids) {
            assertThat(probe.ledgerCount(id))
                    .as("one ledger for %s, whichever instance took its talk", id)
                    .isEqualTo(1);
        }
        JsonNode coopLedger = probe.ledgerOf(ids.get(0));
        assertThat(coopLedger.get("tasks").findValuesAsText("kind").stream().filter("PROBLEM_RECTIFICATION"::equals))
                .hasSize(15);

        // issue #19: scenario 1's lists as a spreadsheet, imported into a new interview, are the same lists
        String copy = probe.flow().schedule("清单导入测试单位");
        JsonNode imported = new ListImportRoundTrip(system.url(Service.INTERVIEW)).copy(coop, copy);
        assertThat(imported.get("problems")).hasSize(15);
        assertThat(ListImportRoundTrip.content(imported)).isEqualTo(ListImportRoundTrip.content(coop));
    }

    @Test
    void aRefusedLeadInterviewerIsA422AndTheAttemptIsOnTheAuditTrail() {
        Http.Response refused = probe.flow().scheduleResponse("市某局", "yy-secretary");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("code").asText()).isEqualTo("LEAD_NOT_CITY_SECRETARY");
        String recordedOn =
                refused.body().get("detail").asText().replaceAll(".*recorded on interview ([^)]+)\\)", "$1");
        await().atMost(SystemProbe.WITHIN)
                .untilAsserted(
                        () -> assertThat(probe.auditTypes(recordedOn)).containsExactly("InterviewSchedulingRefused"));
        assertThat(probe.get(Service.INTERVIEW, "/api/interviews/" + recordedOn)
                        .get("status")
                        .asText())
                .isEqualTo("REFUSED");
    }

    /**
     * Three lists within their item limit can still freeze into more than a Kafka record may be
     * (here a full problem list of 3,900 characters each and 20 long risks, about 1.3 MB): such an
     * event used to be stored, and the outbox relay then retried it for ever while no later
     * interview reached rectification or the audit trail. Now the talk is refused, nothing is
     * stored, and the next interview flows through every service.
     */
    @Test
    void aTalkWhoseFrozenListsWouldNotFitInAKafkaRecordIsRefusedAndLaterInterviewsStillFlow() {
        String id = probe.flow().schedule("超长清单测试单位");
        probe.flow().add(id, "responsibilities", "{\"kind\": \"CUSTOM\", \"text\": \"每年专题研究党风廉政建设\"}");
        String description = "问题描述".repeat(975);
        for (int i = 0; i < CommonLimits.load().itemsPerList(); i++) {
            probe.flow()
                    .add(
                            id,
                            "problems",
                            "{\"aspect\": \"制度建设\", \"description\": \"" + i + description
                                    + "\", \"sourceChannel\": \"INSPECTION_TOUR\"}");
        }
        for (int i = 0; i < 20; i++) {
            probe.flow()
                    .add(
                            id,
                            "risks",
                            "{\"businessArea\": \"工程建设\", \"description\": \"" + i + description
                                    + "\", \"typicalCases\": \"" + description + "\", \"preventionExpectations\": \""
                                    + description + "\", \"level\": \"HIGH\"}");
        }
        Http.Response refused = probe.flow().conductResponse(id, "nb-secretary");
        assertThat(refused.status()).as("conduct: %s", refused.body()).isEqualTo(413);
        assertThat(refused.body().get("code").asText()).isEqualTo("EVENT_TOO_LARGE");
        assertThat(probe.get(Service.INTERVIEW, "/api/interviews/" + id)
                        .get("status")
                        .asText())
                .isEqualTo("SCHEDULED");

        String later = probe.flow().scheduleWithListsAndConduct("超长清单之后的单位");
        await().atMost(SystemProbe.WITHIN).until(() -> probe.ledgerOf(later) != null);
        await().atMost(SystemProbe.WITHIN)
                .untilAsserted(() -> assertThat(probe.auditTypes(later)).contains("InterviewConducted"));
        assertThat(probe.auditTypes(id)).doesNotContain("InterviewConducted");
    }

    @Test
    void theListsHistoryShowsEveryRevision() {
        String id = probe.flow().schedule("历史测试单位");
        probe.flow().add(id, "risks", "{\"businessArea\": \"食堂\", \"description\": \"食堂管理\", \"level\": \"LOW\"}");
        JsonNode view = await().atMost(SystemProbe.WITHIN)
                .until(
                        () -> probe.get(Service.INTERVIEW, "/api/interviews/" + id),
                        v -> v.get("risks").size() == 1);
        String itemId = view.at("/risks/0/itemId").asText();
        Http http = new Http();
        http.put(
                system.url(Service.INTERVIEW) + "/api/interviews/" + id + "/risks/" + itemId,
                "{\"businessArea\": \"食堂\", \"description\": \"食堂采购管理\", \"level\": \"MEDIUM\"}");
        await().atMost(SystemProbe.WITHIN).untilAsserted(() -> {
            JsonNode history = probe.get(Service.INTERVIEW, "/api/interviews/" + id + "/history");
            assertThat(history.findValuesAsText("change")).containsExactly("ADDED", "REVISED");
            assertThat(history.get(1).get("listVersion").asInt()).isEqualTo(2);
        });
    }
}
