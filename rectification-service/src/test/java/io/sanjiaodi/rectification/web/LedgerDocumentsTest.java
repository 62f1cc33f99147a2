package io.sanjiaodi.rectification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import io.sanjiaodi.contracts.rectification.RegulationRecorded.RegulationAction;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.TaskRating;
import io.sanjiaodi.contracts.rectification.TaskStatus;
import io.sanjiaodi.documents.DocumentsAutoConfiguration;
import io.sanjiaodi.documents.Poppler;
import io.sanjiaodi.platform.security.MockJwts;
import io.sanjiaodi.platform.web.ProblemDetailsAdvice;
import io.sanjiaodi.rectification.deadlines.DeadlineSweeper;
import io.sanjiaodi.rectification.documents.LedgerDocumentsConfig;
import io.sanjiaodi.rectification.evidence.EvidenceStore;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries;
import io.sanjiaodi.rectification.query.ledgers.LedgerView;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.Regulation;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.StageEvaluation;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.TaskView;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The ledger, the stage evaluation report and the written-report slip, read back by poppler and POI. */
@WebMvcTest(
        controllers = LedgerDocumentController.class,
        properties = {"spring.config.name=rectification-service", "axon.axonserver.enabled=false"})
@Import({
    ProblemDetailsAdvice.class,
    LedgerApiTest.FixedClock.class,
    DocumentsAutoConfiguration.class,
    LedgerDocumentsConfig.class
})
class LedgerDocumentsTest {

    static final String L = "ledger-iv-1";
    static final String EVALUATION_EVENT = "0b9c3a1e-2f4d-4e6a-9b8c-7d6e5f4a3b2c";

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    LedgerQueries queries;

    @MockitoBean
    EvidenceStore evidence;

    @MockitoBean
    DeadlineSweeper sweeper;

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    LedgerView view;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        view = new LedgerView();
        view.ledgerId = L;
        view.interviewId = "iv-1";
        view.unitName = "市交通局";
        view.unitId = "nb-transport";
        view.jurisdictionId = "ningbo";
        view.conductedOn = LocalDate.of(2018, 11, 15);
        view.planDueOn = LocalDate.of(2018, 12, 15);
        view.lastSequence = 41;
        view.lastEventId = "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716";
        view.tasks.add(task("task-p1", "工程建设", "拆分工程项目规避招标", "张副局长", "规划建设处", TaskStatus.VERIFIED, false));
        view.tasks.add(task("task-p2", "财务管理", "超标准公务接待", "李副局长", "办公室", TaskStatus.PLANNED, true));
        view.regulations.add(new Regulation(
                "reg-1",
                "市交通局工程建设项目招投标管理办法",
                RegulationAction.ESTABLISHED,
                LocalDate.of(2019, 1, 10),
                List.of("task-p1")));
        view.stageEvaluations.add(new StageEvaluation(
                "eval-1",
                LocalDate.of(2019, 1, 8),
                List.of(
                        new TaskRating("task-p1", Rating.RECTIFIED, "已完成制度修订"),
                        new TaskRating("task-p2", Rating.NOT_RECTIFIED, "接待台账不全")),
                EVALUATION_EVENT));
        view.writtenReport.dueOn = LocalDate.of(2019, 2, 15);
        when(queries.get(L)).thenReturn(view);
        when(queries.lookup(L)).thenReturn(Optional.of(view));
    }

    static TaskView task(
            String id,
            String aspect,
            String text,
            String leader,
            String department,
            TaskStatus status,
            boolean overdue) {
        TaskView t = new TaskView();
        t.taskId = id;
        t.kind = TaskKind.PROBLEM_RECTIFICATION;
        t.aspect = aspect;
        t.text = text;
        t.responsibleLeader = leader;
        t.responsibleDepartment = department;
        t.deadline = LocalDate.of(2019, 3, 31);
        t.measures = "修订制度，建立台账";
        t.status = status;
        t.overdue = overdue;
        t.verifiedOn = status == TaskStatus.VERIFIED ? LocalDate.of(2019, 3, 1) : null;
        return t;
    }

    String pdf(String document, String user) throws Exception {
        byte[] body = mvc.perform(
                        get("/api/ledgers/" + L + "/documents/" + document).with(MockJwts.as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Path file = Files.createDirectories(Path.of("target/document-samples")).resolve(document + ".pdf");
        Files.write(file, body);
        assertThat(Poppler.pages(file, 60))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(Poppler.ink(p)).isPositive());
        return Poppler.text(file).replaceAll("\\s+", "");
    }

    @Test
    void theLedgerListsEveryTaskWithItsOwnerDeadlineAndStandingAndTheRegulations() throws Exception {
        assertThat(pdf("ledger", "unit-leader"))
                .contains("整改台账", "市交通局", "【问题整改·工程建设】拆分工程项目规避招标", "张副局长规划建设处", "2019-03-31修订制度")
                .contains("已销号（2019年3月1日）", "整改中，已逾期", "共2项，已对账销号1项，逾期未销号1项")
                .contains("市交通局工程建设项目招投标管理办法", "未报送，应于2019年2月15日前报送")
                .contains("截至事件序号41", "核验码：" + view.lastEventId);
    }

    @Test
    void theStageEvaluationReportTalliesTheRatingsTaskByTask() throws Exception {
        assertThat(pdf("stage-evaluation", "stationed"))
                .contains("阶段评估对账报告", "2019年1月8日", "评估2项：已整改1项，整改中0项，未整改1项")
                .contains("超标准公务接待", "未整改", "接待台账不全", "核验码：" + EVALUATION_EVENT);
        mvc.perform(get("/api/ledgers/" + L + "/documents/stage-evaluation")
                        .param("evaluationId", "eval-9")
                        .with(MockJwts.as("office")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("STAGE_EVALUATION_NOT_FOUND"));
    }

    @Test
    void theSlipRegistersAFiledReportAndIsRefusedBefore() throws Exception {
        mvc.perform(get("/api/ledgers/" + L + "/documents/written-report").with(MockJwts.as("office")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("WRITTEN_REPORT_NOT_FILED"));
        view.writtenReport.filedOn = LocalDate.of(2019, 2, 20);
        view.writtenReport.late = true;
        view.writtenReport.registrationNumber = "甬纪备〔2019〕7号";
        view.writtenReport.title = "关于落实三交底廉政谈话要求的书面报告";
        view.writtenReport.eventId = "1a2b3c4d-0000-4000-8000-000000000007";
        assertThat(pdf("written-report", "office"))
                .contains("书面报告登记单", "甬纪备〔2019〕7号", "关于落实三交底廉政谈话要求的书面报告", "逾期报送")
                .contains("2019年2月20日", "核验码：1a2b3c4d-0000-4000-8000-000000000007");
    }

    @Test
    void theWordLedgerHoldsTheSameTasks() throws Exception {
        byte[] body = mvc.perform(get("/api/ledgers/" + L + "/documents/ledger")
                        .param("format", "docx")
                        .with(MockJwts.as("office")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(body));
                var words = new XWPFWordExtractor(doc)) {
            assertThat(words.getText()).contains("整改台账", "拆分工程项目规避招标", "超标准公务接待", "张副局长");
        }
    }

    @Test
    void aUnitOutsideTheLedgerGetsNoDocument() throws Exception {
        mvc.perform(get("/api/ledgers/" + L + "/documents/ledger").with(MockJwts.unit("nb-health", "ningbo")))
                .andExpect(status().isForbidden());
    }
}
