package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanjiaodi.platform.testing.CommonLimits;
import io.sanjiaodi.systemtest.RunningSystem.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The list limit over the real services: a problem list filled to {@code sanjiaodi.limits.items-per-list}
 * is conducted and opens a ledger with a task per problem; the item past it is refused LIST_FULL and
 * recorded nowhere. (Frozen lists too large for one event: ScenarioSystemTest.)
 */
class LimitsSystemTest {

    @RegisterExtension
    static final LocalSystem LOCAL = new LocalSystem("lim_");

    private static RunningSystem system;
    private static SystemProbe probe;

    @BeforeAll
    static void connect() {
        system = LOCAL.services();
        probe = LOCAL.probe();
    }

    private static String problem(int n) {
        return "{\"aspect\": \"制度建设\", \"description\": \"问题 " + n + "\", \"sourceChannel\": \"INSPECTION_TOUR\"}";
    }

    @Test
    void aProblemListFilledToTheLimitIsConductedAndTheItemPastItIsRefusedAsListFull() {
        int full = CommonLimits.load().itemsPerList();
        String id = probe.flow().schedule("清单上限测试单位");
        probe.flow().add(id, "responsibilities", "{\"kind\": \"CUSTOM\", \"text\": \"每年专题研究党风廉政建设\"}");
        probe.flow().add(id, "risks", "{\"businessArea\": \"工程建设\", \"description\": \"规避招标\", \"level\": \"HIGH\"}");
        for (int n = 1; n <= full; n++) {
            probe.flow().add(id, "problems", problem(n));
        }

        Http.Response refused = new Http()
                .post(system.url(Service.INTERVIEW) + "/api/interviews/" + id + "/problems", problem(full + 1));
        assertThat(refused.status())
                .as("one past the limit: %s", refused.body())
                .isEqualTo(422);
        assertThat(refused.body().get("code").asText()).isEqualTo("LIST_FULL");

        Http.Response conducted = probe.flow().conductResponse(id, "nb-secretary");
        assertThat(conducted.status()).as("conduct: %s", conducted.body()).isEqualTo(200);
        JsonNode ledger = await().atMost(SystemProbe.WITHIN).until(() -> probe.ledgerOf(id), l -> l != null);
        assertThat(ledger.get("tasks").findValuesAsText("kind").stream().filter("PROBLEM_RECTIFICATION"::equals))
                .hasSize(full);
        await().atMost(SystemProbe.WITHIN)
                .untilAsserted(() -> assertThat(probe.auditTypes(id))
                        .contains("InterviewConducted")
                        .filteredOn("ProblemItemAdded"::equals)
                        .hasSize(full));
        JsonNode view = probe.get(Service.INTERVIEW, "/api/interviews/" + id);
        assertThat(view.get("problems")).hasSize(full);
    }
}
