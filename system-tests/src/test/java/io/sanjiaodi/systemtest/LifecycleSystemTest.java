package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanjiaodi.devstack.DemoData;
import io.sanjiaodi.systemtest.RunningSystem.Service;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Source scenarios 1 and 2 through the REST API of the running system, from the talk to
 * {@code RectificationClosed}: plans, an overdue sweep, 34 regulations, a cascade to subordinate
 * units, verification-only closing, a late written report and the tracking evaluation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleSystemTest {

    @RegisterExtension
    static final LocalSystem LOCAL = new LocalSystem("life_");

    private static final Http HTTP = new Http();
    private static SystemProbe probe;
    private static List<String> interviews;

    @BeforeAll
    static void enterScenarios() {
        probe = LOCAL.probe();
        interviews = new DemoData(LOCAL.services().url(Service.INTERVIEW), Http.SIGNER).loadIfEmpty();
    }

    @Test
    @Order(1)
    void scenarioOneRunsToRectificationClosedWithOverdueTasksAndALateReport() {
        String ledgerId = ledgerIdOf(interviews.get(0));
        List<String> tasks = taskIds(ledgerId);
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(15);
        tasks.forEach(task -> plan(ledgerId, task, "2019-03-31"));
        awaitPlanned(ledgerId, tasks.size());

        JsonNode swept = ok(HTTP.post(rect("/api/deadline-sweeps"), "{}", "SUPERVISOR"));
        // the sweep covers every open ledger; this one's share is checked on its history below
        assertThat(swept.get("tasksMarked").asInt()).isGreaterThanOrEqualTo(tasks.size());
        assertThat(swept.get("reportsMarked").asInt()).isPositive();

        for (int i = 1; i <= 34; i++) {
            ok(HTTP.post(
                    rect("/api/ledgers/" + ledgerId + "/regulations"),
                    """
                    {"title": "市支援合作局制度第%d号", "action": "%s", "issuedOn": "2019-02-01", "taskIds": ["%s"]}
                    """.formatted(i, i % 3 == 0 ? "REVISED" : "ESTABLISHED", tasks.get(i % tasks.size())),
                    "UNIT"));
        }
        Http.Response ownClosing = HTTP.post(
                rect("/api/ledgers/" + ledgerId + "/tasks/" + tasks.get(0) + "/verification"),
                "{\"comment\": \"自行销号\"}",
                "UNIT");
        assertThat(ownClosing.status()).isEqualTo(403);
        assertThat(ownClosing.body().get("code").asText()).isEqualTo("UNIT_CANNOT_CLOSE_OWN_TASK");
        closeEverything(ledgerId, tasks);

        await().atMost(SystemProbe.WITHIN).untilAsserted(() -> {
            List<String> history = probe.auditTypes(ledgerId);
            assertThat(history).containsOnlyOnce("RectificationClosed", "WrittenReportBecameOverdue");
            assertThat(Collections.frequency(history, "TaskBecameOverdue")).isEqualTo(tasks.size());
            assertThat(Collections.frequency(history, "RegulationRecorded")).isEqualTo(34);
            assertThat(history).contains("TaskClosureRefused");
        });
    }

    @Test
    @Order(2)
    void scenarioTwoCascadesATaskToSubordinateUnitsAndCloses() {
        String ledgerId = ledgerIdOf(interviews.get(1));
        List<String> tasks = taskIds(ledgerId);
        tasks.forEach(task -> plan(ledgerId, task, "2019-06-30"));
        awaitPlanned(ledgerId, tasks.size());
        String parent = tasks.get(0);
        String base = rect("/api/ledgers/" + ledgerId + "/tasks/" + parent);
        ok(HTTP.post(base + "/cascade", """
                {"subTasks": [
                  {"ownerUnitId": "nb-passenger-transport", "ownerUnitName": "市客运管理局", "deadline": "2018-11-30"},
                  {"ownerUnitId": "nb-road-transport", "ownerUnitName": "市道路运输管理局", "deadline": "2018-11-30"},
                  {"ownerUnitId": "nb-port-shipping", "ownerUnitName": "市港航管理局", "deadline": "2018-11-30"}]}
                """, "UNIT"));
        Http.Response early = HTTP.post(base + "/verification", "{\"comment\": \"对账\"}", "SUPERVISOR");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body().get("code").asText()).isEqualTo("SUB_TASKS_OPEN");
        for (String unit : List.of("nb-passenger-transport", "nb-road-transport", "nb-port-shipping")) {
            ok(HTTP.post(base + "/sub-tasks/" + parent + "-" + unit + "/completion", "{\"note\": \"已整改\"}", "UNIT"));
        }
        closeEverything(ledgerId, tasks);
        await().atMost(SystemProbe.WITHIN)
                .untilAsserted(() -> assertThat(probe.auditTypes(ledgerId))
                        .containsOnlyOnce("TaskCascaded", "RectificationClosed")
                        .contains("SubTaskCompleted", "WrittenReportFiled", "TrackingEvaluationFiled"));
    }

    /** The supervision models rebuilt from the topics equal the ones built live, event by event. */
    @Test
    @Order(3)
    void rebuildingTheSupervisionModelsFromHistoryGivesTheLiveResult() {
        String closedLedger = ledgerIdOf(interviews.get(0));
        await().atMost(SystemProbe.WITHIN)
                .until(() -> probe.get(Service.AUDIT, "/api/supervision/ledgers/" + closedLedger)
                        .at("/ledger/closedOn")
                        .isTextual());
        await().atMost(SystemProbe.WITHIN).until(() -> supervisionModels().equals(supervisionModels()));
        String live = supervisionModels();
        assertThat(live).contains("TaskBecameOverdue", "TaskVerified", "regulations");

        Http.Response rebuild = HTTP.post(LOCAL.services().url(Service.AUDIT) + "/api/supervision/rebuild", "{}");
        assertThat(rebuild.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> supervisionModels().equals(live));
    }

    /** The evaluation table and the ledgers as CSV and Excel, with the figures of the API. */
    @Test
    @Order(4)
    void theEvaluationTableAndTheLedgersExportAsCsvAndExcel() throws Exception {
        String base = LOCAL.services().url(Service.AUDIT) + "/api/supervision";
        JsonNode table = probe.get(Service.AUDIT, "/api/supervision/evaluation?year=2018");
        JsonNode supportBureau = null;
        for (JsonNode row : table) {
            if ("市支援合作局".equals(row.get("unitName").asText())) {
                supportBureau = row;
            }
        }
        assertThat(supportBureau).isNotNull();
        assertThat(supportBureau.get("regulations").asInt()).isEqualTo(34);
        assertThat(supportBureau.get("verified").asInt())
                .isEqualTo(supportBureau.get("tasks").asInt());

        HttpClient client = HttpClient.newHttpClient();
        String csv = client.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(base + "/export/ledgers.csv?year=2018"))
                                .header("Authorization", Http.bearerFor("GET", base))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .body();
        assertThat(csv).startsWith("\uFEFF台账 ledger,").contains("市支援合作局", "VERIFIED");
        byte[] xlsx = client.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(base + "/export/evaluation.xlsx?year=2018"))
                                .header("Authorization", Http.bearerFor("GET", base))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("单位 unit");
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(0).getStringCellValue().equals("市支援合作局")) {
                    assertThat(sheet.getRow(r).getCell(7).getNumericCellValue()).isEqualTo(34.0);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        Http.Response noYear = new Http().get(base + "/export/evaluation.csv");
        assertThat(noYear.status()).isEqualTo(422);
        assertThat(noYear.body().get("code").asText()).isEqualTo("YEAR_REQUIRED");
    }

    private static String supervisionModels() {
        List<String> documents = new ArrayList<>();
        probe.get(Service.AUDIT, "/api/supervision/ledgers").forEach(l -> documents.add(l.toString()));
        probe.get(Service.AUDIT, "/api/supervision/interviews").forEach(i -> documents.add(i.toString()));
        Collections.sort(documents);
        return String.join("\n", documents);
    }

    private void closeEverything(String ledgerId, List<String> tasks) {
        for (String task : tasks) {
            ok(HTTP.post(
                    rect("/api/ledgers/" + ledgerId + "/tasks/" + task + "/verification"),
                    "{\"comment\": \"对账销号\"}",
                    "SUPERVISOR"));
        }
        ok(HTTP.post(
                rect("/api/ledgers/" + ledgerId + "/written-report"),
                "{\"title\": \"关于三交底整改情况的书面报告\", \"summary\": \"已逐项整改\"}",
                "UNIT"));
        ok(HTTP.post(
                rect("/api/ledgers/" + ledgerId + "/tracking-evaluation"),
                "{\"supervisingBody\": \"派驻纪检监察组\", \"summary\": \"整改到位\"}",
                "SUPERVISING_BODY"));
    }

    private static void plan(String ledgerId, String task, String deadline) {
        ok(HTTP.post(rect("/api/ledgers/" + ledgerId + "/tasks/" + task + "/plan"), """
                {"responsibleLeader": "分管副局长", "responsibleDepartment": "办公室", "deadline": "%s",
                 "measures": "对照清单逐项整改，建立长效机制"}""".formatted(deadline), "UNIT"));
    }

    private static void awaitPlanned(String ledgerId, int tasks) {
        await().atMost(SystemProbe.WITHIN)
                .until(() ->
                        HTTP.get(rect("/api/ledgers/" + ledgerId)).body().get("tasks").findValues("deadline").stream()
                                        .filter(d -> !d.isNull())
                                        .count()
                                == tasks);
    }

    private static String ledgerIdOf(String interviewId) {
        return await().atMost(SystemProbe.WITHIN)
                .until(() -> probe.ledgerOf(interviewId), l -> l != null)
                .get("ledgerId")
                .asText();
    }

    private static List<String> taskIds(String ledgerId) {
        List<String> ids = new ArrayList<>();
        HTTP.get(rect("/api/ledgers/" + ledgerId))
                .body()
                .get("tasks")
                .forEach(t -> ids.add(t.get("taskId").asText()));
        return ids;
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as("%s", response.body()).isBetween(200, 299);
        return response.body();
    }

    private static String rect(String path) {
        return LOCAL.services().url(Service.RECTIFICATION) + path;
    }
}
