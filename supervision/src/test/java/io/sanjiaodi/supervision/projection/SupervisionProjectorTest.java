package io.sanjiaodi.supervision.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.sanjiaodi.contracts.rectification.TaskStatus;
import io.sanjiaodi.contracts.rectification.WarningLevel;
import io.sanjiaodi.platform.json.EventJson;
import io.sanjiaodi.supervision.query.SupervisionQueries;
import io.sanjiaodi.supervision.query.SupervisionViews.EvaluationRow;
import io.sanjiaodi.supervision.query.SupervisionViews.Overview;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

/** The projector and the queries built from their constructors, against a MongoDB-wire server. */
class SupervisionProjectorTest {

    private static final ObjectMapper JSON = EventJson.mapper();
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private SupervisionProjector projector;
    private SupervisionQueries queries;
    private long clockDay = 0;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "sup");
        ((MappingMongoConverter) mongo.getConverter()).afterPropertiesSet();
        projector = new SupervisionProjector(mongo, ModelCollections.first());
        queries = new SupervisionQueries(
                mongo,
                ModelCollections.first(),
                new WarningLevel.Thresholds(20, 10),
                Clock.fixed(Instant.parse("2019-03-25T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aConductedInterviewKeepsItsListsButNeverAConfidentialSource() throws Exception {
        apply("e1", "InterviewConducted", "iv-1", 4, """
                {"interviewId": "iv-1", "conductedOn": "2019-03-01",
                 "interviewee": {"unitId": "yy-hospital", "unitName": "余姚市人民医院", "jurisdictionId": "yuyao", "cadreLevel": "COUNTY_MANAGED"},
                 "leadInterviewer": {"name": "徐立"}, "listsHash": "abc",
                 "lists": {"version": 3, "responsibilities": [{"itemId": "d1", "text": "专题研究"}],
                           "problems": [{"itemId": "p1", "aspect": "耗材", "description": "采购不规范",
                                         "confidentialSource": {"details": "实名举报人张某", "reference": "信访件"}}],
                           "risks": [{"itemId": "k1", "businessArea": "医药代表", "description": "接待"}]}}""");
        InterviewRecord record = mongo.findById("iv-1", InterviewRecord.class);
        assertThat(record.problemCount).isEqualTo(1);
        assertThat(record.year).isEqualTo(2019);
        assertThat(record.lists.toJson()).contains("采购不规范").doesNotContain("张某").doesNotContain("confidentialSource");
    }

    @Test
    void aLedgerFollowsItsTasksFromOpeningToClosingAndAReplayChangesNothing() throws Exception {
        ledgerLifecycle();
        String before = JSON.writeValueAsString(mongo.findById("ledger-iv-1", LedgerRecord.class));
        ledgerLifecycle();
        assertThat(JSON.writeValueAsString(mongo.findById("ledger-iv-1", LedgerRecord.class)))
                .isEqualTo(before);

        LedgerRecord ledger = mongo.findById("ledger-iv-1", LedgerRecord.class);
        assertThat(ledger.tasks).extracting(t -> t.status).containsExactly(TaskStatus.VERIFIED, TaskStatus.PLANNED);
        assertThat(ledger.task("task-p1").history)
                .extracting(LedgerRecord.Step::type)
                .containsExactly("RectificationOpened", "TaskPlanned", "TaskBecameOverdue", "TaskVerified");
        assertThat(ledger.regulations).hasSize(1);
        assertThat(ledger.writtenReport.late).isTrue();
    }

    @Test
    void theOverviewAndTheEvaluationTableCountWhatTheEventsSay() throws Exception {
        ledgerLifecycle();
        Overview overview = queries.overview("yuyao", 2019);
        assertThat(overview.tasks()).isEqualTo(2);
        assertThat(overview.tasksClosed()).isEqualTo(1);
        assertThat(overview.tasksOverdue()).isEqualTo(1);
        assertThat(overview.closureRate()).isEqualTo(0.5);
        assertThat(overview.medianDaysToClose()).isEqualTo(19.0);
        assertThat(overview.reportsLate()).isEqualTo(1);
        assertThat(overview.regulations()).isEqualTo(1);
        assertThat(overview.warnings().red()).isEqualTo(1);
        assertThat(queries.warnings("yuyao", 2019, WarningLevel.RED))
                .singleElement()
                .satisfies(w -> assertThat(w.taskId()).isEqualTo("task-k1"));

        EvaluationRow row = queries.evaluation("yuyao", 2019).get(0);
        assertThat(row.overdueTaskIds()).containsExactly("task-k1");
        assertThat(row.verifiedTaskIds()).containsExactly("task-p1");
        assertThat(row.score()).isEqualTo(100 - 5 - 10);
    }

    @Test
    void anUnverifiedTaskWarnsOrangeWithinTenDaysAndYellowWithinTwentyAsTheLedgersDo() throws Exception {
        apply("w0", "RectificationOpened", "ledger-iv-2", 0, """
                {"ledgerId": "ledger-iv-2", "interviewId": "iv-2", "unitId": "yy-hospital", "jurisdictionId": "yuyao",
                 "conductedOn": "2019-03-01", "tasks": [{"taskId": "t10"}, {"taskId": "t20"}, {"taskId": "t21"}]}""");
        apply(
                "w1",
                "TaskPlanned",
                "ledger-iv-2",
                1,
                "{\"ledgerId\": \"ledger-iv-2\", \"taskId\": \"t10\", \"deadline\": \"2019-04-04\"}");
        apply(
                "w2",
                "TaskPlanned",
                "ledger-iv-2",
                2,
                "{\"ledgerId\": \"ledger-iv-2\", \"taskId\": \"t20\", \"deadline\": \"2019-04-14\"}");
        apply(
                "w3",
                "TaskPlanned",
                "ledger-iv-2",
                3,
                "{\"ledgerId\": \"ledger-iv-2\", \"taskId\": \"t21\", \"deadline\": \"2019-04-15\"}");

        assertThat(queries.warnings("yuyao", 2019, null))
                .extracting(w -> w.taskId() + " " + w.level() + " " + w.daysLeft())
                .containsExactly("t10 ORANGE 10", "t20 YELLOW 20");
        assertThat(queries.overview("yuyao", 2019).warnings()).satisfies(w -> {
            assertThat(w.orange()).isEqualTo(1);
            assertThat(w.yellow()).isEqualTo(1);
            assertThat(w.red()).isZero();
        });
    }

    @Test
    void aBatchGivesTheSameModelsAsOneEventAtATimeAndSkipsWhatItAlreadyApplied() throws Exception {
        ledgerLifecycle();
        String oneByOne = JSON.writeValueAsString(mongo.findById("ledger-iv-1", LedgerRecord.class));
        projector.reset();
        collected = new ArrayList<>();
        ledgerLifecycle();
        ledgerLifecycle();
        List<RecordedEvent> batch = collected;
        collected = null;

        List<RecordedEvent> changed = projector.applyAll(batch);

        assertThat(changed)
                .hasSize(8)
                .extracting(RecordedEvent::eventId)
                .containsExactly("l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7");
        assertThat(JSON.writeValueAsString(mongo.findById("ledger-iv-1", LedgerRecord.class)))
                .isEqualTo(oneByOne);
        assertThat(projector.applyAll(batch)).isEmpty();
    }

    private List<RecordedEvent> collected;

    private void ledgerLifecycle() throws Exception {
        apply("l0", "RectificationOpened", "ledger-iv-1", 0, """
                {"ledgerId": "ledger-iv-1", "interviewId": "iv-1", "unitId": "yy-hospital", "unitName": "余姚市人民医院",
                 "jurisdictionId": "yuyao", "conductedOn": "2019-03-01", "writtenReportDueOn": "2019-06-01",
                 "tasks": [{"taskId": "task-p1", "kind": "PROBLEM_RECTIFICATION", "text": "采购不规范"},
                           {"taskId": "task-k1", "kind": "RISK_PREVENTION", "text": "接待"}]}""");
        apply("l1", "TaskPlanned", "ledger-iv-1", 1, """
                {"ledgerId": "ledger-iv-1", "taskId": "task-p1", "responsibleLeader": "院长", "responsibleDepartment": "纪委",
                 "deadline": "2019-03-10"}""");
        apply("l2", "TaskPlanned", "ledger-iv-1", 2, """
                {"ledgerId": "ledger-iv-1", "taskId": "task-k1", "responsibleLeader": "副院长", "responsibleDepartment": "药剂科",
                 "deadline": "2019-03-20"}""");
        apply("l3", "TaskBecameOverdue", "ledger-iv-1", 3, "{\"ledgerId\": \"ledger-iv-1\", \"taskId\": \"task-p1\"}");
        apply(
                "l4",
                "TaskVerified",
                "ledger-iv-1",
                4,
                "{\"ledgerId\": \"ledger-iv-1\", \"taskId\": \"task-p1\", \"verifiedOn\": \"2019-03-20\"}");
        apply("l5", "TaskBecameOverdue", "ledger-iv-1", 5, "{\"ledgerId\": \"ledger-iv-1\", \"taskId\": \"task-k1\"}");
        apply("l6", "RegulationRecorded", "ledger-iv-1", 6, """
                {"ledgerId": "ledger-iv-1", "regulationId": "r1", "title": "耗材采购管理办法", "action": "ESTABLISHED",
                 "issuedOn": "2019-03-15", "taskIds": ["task-p1"]}""");
        apply("l7", "WrittenReportFiled", "ledger-iv-1", 7, """
                {"ledgerId": "ledger-iv-1", "registrationNumber": "WR-2019-yuyao-iv-1", "filedOn": "2019-06-10", "late": true}""");
    }

    private void apply(String id, String type, String aggregate, long seq, String payload) throws Exception {
        RecordedEvent event = new RecordedEvent(
                id,
                type,
                aggregate,
                seq,
                Instant.parse("2019-03-01T08:00:00Z").plusSeconds(seq),
                EventPayloads.read(type, payload.getBytes(StandardCharsets.UTF_8)));
        if (collected != null) {
            collected.add(event);
        } else {
            projector.apply(event);
        }
    }
}
