package io.sanjiaodi.rectification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import io.sanjiaodi.contracts.rectification.RegulationRecorded.RegulationAction;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import io.sanjiaodi.contracts.rectification.WarningLevel;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.MockJwts;
import io.sanjiaodi.platform.web.ProblemDetailsAdvice;
import io.sanjiaodi.rectification.command.rectification.ActorRole;
import io.sanjiaodi.rectification.command.rectification.LedgerId;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import io.sanjiaodi.rectification.deadlines.DeadlineSweeper;
import io.sanjiaodi.rectification.evidence.EvidenceStore;
import io.sanjiaodi.rectification.evidence.EvidenceStore.StoredEvidence;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries.Reconciliation;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries.TaskWarning;
import io.sanjiaodi.rectification.query.ledgers.LedgerView;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@WebMvcTest(
        controllers = {
            LedgerController.class,
            TaskController.class,
            LedgerActionsController.class,
            EvidenceController.class,
            OverviewController.class
        },
        properties = {"spring.config.name=rectification-service", "axon.axonserver.enabled=false"})
@Import({ProblemDetailsAdvice.class, LedgerApiTest.FixedClock.class})
class LedgerApiTest {

    static final String L = "ledger-iv-1";
    static final String TASK = "/api/ledgers/" + L + "/tasks/task-p1";
    static final LocalDate TODAY = LocalDate.of(2019, 4, 1);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String PLAN = """
            {"responsibleLeader": "张某", "responsibleDepartment": "局办公室", "deadline": "2019-03-31",
             "measures": "修订招投标管理办法"}""";

    /** Requests without a token. */
    @Autowired
    MockMvc plain;

    @Autowired
    WebApplicationContext context;
    /** Requests as the supervision office unless a test names another user. */
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    LedgerQueries queries;

    @MockitoBean
    EvidenceStore evidence;

    @MockitoBean
    DeadlineSweeper sweeper;

    /** The service's clock standing on TODAY in rectification.zone: every dated command is dated TODAY. */
    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(TODAY.atStartOfDay(ZONE).toInstant(), ZONE);
        }
    }

    @BeforeEach
    void signIn() {
        when(commands.sendAndWait(any(VerifyTask.class))).thenReturn(Optional.empty());
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .defaultRequest(get("/").with(MockJwts.as("office")))
                .build();
    }

    /** The ledger role a test names, as the contract's demo user who holds it. */
    static RequestPostProcessor as(String ledgerRole) {
        return switch (ledgerRole) {
            case "UNIT" -> MockJwts.as("unit-leader");
            case "SUPERVISOR" -> MockJwts.as("office");
            case "SUPERVISING_BODY" -> MockJwts.as("stationed");
            default -> MockJwts.as(ledgerRole);
        };
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String role, String body) {
        if (role != null) {
            request.with(as(role));
        }
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    // ---- reading

    @Test
    void aLedgerIsReadWithItsTasksAndAnUnknownOneIsNotFound() throws Exception {
        LedgerView view = new LedgerView();
        view.ledgerId = L;
        view.interviewId = "iv-1";
        view.unitName = "市交通局";
        view.unitId = "nb-transport";
        view.jurisdictionId = "ningbo";
        LedgerView.TaskView task = new LedgerView.TaskView();
        task.taskId = "task-p1";
        task.kind = TaskKind.PROBLEM_RECTIFICATION;
        task.warningLevel = "RED";
        task.rollUp = new LedgerView.RollUp(1, 2);
        view.tasks.add(task);
        when(queries.get(L)).thenReturn(view);
        when(queries.find("iv-1", null)).thenReturn(List.of(view));
        when(queries.get("ledger-nope")).thenThrow(Refusal.notFound("LEDGER_NOT_FOUND", "no ledger"));
        mvc.perform(get("/api/ledgers/" + L))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ledgerId").value(L))
                .andExpect(jsonPath("$.tasks[0].kind").value("PROBLEM_RECTIFICATION"))
                .andExpect(jsonPath("$.tasks[0].warningLevel").value("RED"))
                .andExpect(jsonPath("$.tasks[0].rollUp.done").value(1));
        mvc.perform(get("/api/ledgers").param("interviewId", "iv-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].interviewId").value("iv-1"))
                .andExpect(jsonPath("$[0].unitName").value("市交通局"));
        mvc.perform(get("/api/ledgers/ledger-nope"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("LEDGER_NOT_FOUND"));
    }

    @Test
    void anIdThatLooksLikeAQueryOperatorIsRefused() throws Exception {
        mvc.perform(get("/api/ledgers").param("interviewId", "{\"$ne\": null}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(get("/api/tasks/warnings").param("jurisdictionId", "ningbo.$where"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(json(post("/api/ledgers/a$b/tasks/task-p1/plan"), "UNIT", PLAN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aMalformedLedgerIdInThePathIsAValidationFailureNamingTheParameter() throws Exception {
        mvc.perform(get("/api/ledgers/ledger.iv-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.fields.ledgerId").exists());
        mvc.perform(json(
                        post("/api/ledgers/" + "l".repeat(161) + "/regulations"),
                        "UNIT",
                        "{\"title\": \"办法\", \"action\": \"REVISED\", \"issuedOn\": \"2019-01-05\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.fields.ledgerId").exists());
        verify(queries, never()).get(any());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void warningsOfALedgerAndAcrossLedgersByLevel() throws Exception {
        TaskWarning red = new TaskWarning(
                L,
                "nb-transport",
                "市交通局",
                "ningbo",
                "task-p1",
                "招投标",
                "张某",
                LocalDate.of(2019, 3, 31),
                true,
                WarningLevel.RED);
        when(queries.warnings(L)).thenReturn(List.of(red));
        when(queries.warnings(WarningLevel.RED, "ningbo")).thenReturn(List.of(red));
        when(queries.overdue(null)).thenReturn(List.of(red));
        mvc.perform(get("/api/ledgers/" + L + "/warnings"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].level").value("RED"));
        mvc.perform(get("/api/tasks/warnings").param("level", "RED").param("jurisdictionId", "ningbo"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].taskId").value("task-p1"));
        mvc.perform(get("/api/tasks/overdue"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].overdue").value(true));
        mvc.perform(get("/api/tasks/warnings").param("level", "PURPLE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").exists());
    }

    @Test
    void theReconciliationListsTheGapsAndLateReportsAreListed() throws Exception {
        when(queries.reconciliation(L))
                .thenReturn(new Reconciliation(
                        L,
                        TODAY,
                        LedgerView.LedgerStatus.OPEN,
                        3,
                        1,
                        List.of("task-d1"),
                        List.of("task-d1"),
                        List.of("task-p1"),
                        List.of("task-p1", "task-d1"),
                        List.of(),
                        false,
                        true,
                        false,
                        0));
        when(queries.lateWrittenReports("ningbo"))
                .thenReturn(List.of(new LedgerQueries.LateReport(
                        L, "nb-transport", "市交通局", "ningbo", LocalDate.of(2019, 2, 15), null, true)));
        mvc.perform(get("/api/ledgers/" + L + "/reconciliation"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withoutPlan[0]").value("task-d1"))
                .andExpect(jsonPath("$.overdue[0]").value("task-p1"))
                .andExpect(jsonPath("$.writtenReportOverdue").value(true));
        mvc.perform(get("/api/written-reports/late").param("jurisdictionId", "ningbo"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].overdue").value(true));
    }

    // ---- plan, revisions, extensions

    @Test
    void theUnitSubmitsAPlanForATask() throws Exception {
        mvc.perform(json(post(TASK + "/plan"), "UNIT", PLAN)).andExpect(status().isOk());
        verify(commands)
                .sendAndWait(new PlanTask(
                        new LedgerId(L),
                        "task-p1",
                        "张某",
                        "局办公室",
                        LocalDate.of(2019, 3, 31),
                        "修订招投标管理办法",
                        ActorRole.UNIT));
    }

    @Test
    void aPlanWithMissingFieldsIsInvalidAndNamesThem() throws Exception {
        mvc.perform(json(post(TASK + "/plan"), "UNIT", "{\"responsibleLeader\": \"张某\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.fields.deadline").exists())
                .andExpect(jsonPath("$.fields.responsibleDepartment").exists())
                .andExpect(jsonPath("$.fields.measures").exists());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aDeadlineBeforeTheTalkIsA422WithAStableCode() throws Exception {
        when(commands.sendAndWait(any(PlanTask.class)))
                .thenThrow(Refusal.unprocessable("DEADLINE_BEFORE_TALK", "the deadline is before the talk"));
        mvc.perform(json(post(TASK + "/plan"), "UNIT", PLAN))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("DEADLINE_BEFORE_TALK"));
    }

    @Test
    void withoutATokenOrWithARoleTheContractDoesNotKnowNothingIsSent() throws Exception {
        plain.perform(json(post(TASK + "/plan"), null, PLAN))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("AUTHENTICATION_REQUIRED"));
        mvc.perform(json(post(TASK + "/plan"), null, PLAN)
                        .with(MockJwts.as(new io.sanjiaodi.platform.security.TestTokens.User(
                                "emperor", "皇帝", null, "ningbo", null, List.of()))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        mvc.perform(json(post(TASK + "/plan"), "auditor", PLAN))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aRoleThePermissionsDoNotAllowIsA403BeforeAnyCommand() throws Exception {
        mvc.perform(json(post(TASK + "/plan"), "SUPERVISOR", PLAN))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aUnitUserOfAnotherUnitIsOutOfScopeAndASubordinateUnitSeesOnlyWhatWasCascadedToIt() throws Exception {
        LedgerView view = new LedgerView();
        view.ledgerId = L;
        view.unitId = "nb-transport";
        view.jurisdictionId = "ningbo";
        LedgerView.TaskView cascaded = new LedgerView.TaskView();
        cascaded.taskId = "task-p1";
        LedgerView.SubTaskView sub = new LedgerView.SubTaskView();
        sub.subTaskId = "task-p1-nb-passenger-transport";
        sub.ownerUnitId = "nb-passenger-transport";
        cascaded.subTasks.add(sub);
        LedgerView.TaskView other = new LedgerView.TaskView();
        other.taskId = "task-p2";
        view.tasks.add(cascaded);
        view.tasks.add(other);
        view.regulations.add(new LedgerView.Regulation("reg-1", "制度", RegulationAction.ESTABLISHED, TODAY, List.of()));
        when(queries.lookup(L)).thenAnswer(i -> Optional.of(view));
        when(queries.get(L)).thenReturn(view);
        mvc.perform(json(post(TASK + "/plan"), null, PLAN).with(MockJwts.unit("nb-coop", "ningbo")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("OUT_OF_SCOPE"));
        mvc.perform(get("/api/ledgers/" + L).with(MockJwts.as("office-fenghua")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("OUT_OF_SCOPE"));
        mvc.perform(json(post(TASK + "/plan"), null, PLAN).with(MockJwts.as("subunit-staff")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("OUT_OF_SCOPE"));
        mvc.perform(get("/api/ledgers/" + L).with(MockJwts.as("subunit-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tasks.length()").value(1))
                .andExpect(jsonPath("$.tasks[0].subTasks[0].ownerUnitId").value("nb-passenger-transport"))
                .andExpect(jsonPath("$.regulations.length()").value(0));
        mvc.perform(json(post(TASK + "/sub-tasks/task-p1-nb-passenger-transport/completion"), null, "{}")
                        .with(MockJwts.as("subunit-staff")))
                .andExpect(status().isOk());
        verify(commands).sendAndWait(any(CompleteSubTask.class));
        verify(commands, never()).sendAndWait(any(PlanTask.class));
    }

    @Test
    void aPlanIsRevisedWithAReason() throws Exception {
        mvc.perform(json(put(TASK + "/plan"), "UNIT", """
                {"responsibleLeader": "李某", "responsibleDepartment": "建设处", "measures": "m", "reason": "分工调整"}""")).andExpect(status().isOk());
        verify(commands)
                .sendAndWait(new RevisePlan(new LedgerId(L), "task-p1", "李某", "建设处", "m", "分工调整", ActorRole.UNIT));
        mvc.perform(json(put(TASK + "/plan"), "UNIT", """
                {"responsibleLeader": "李某", "responsibleDepartment": "建设处", "measures": "m"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.reason").exists());
    }

    @Test
    void anExtensionIsRequestedAndDecided() throws Exception {
        mvc.perform(json(
                        post(TASK + "/extensions"),
                        "UNIT",
                        "{\"requestedDeadline\": \"2019-05-31\", \"reason\": \"范围扩大\"}"))
                .andExpect(status().isOk());
        mvc.perform(json(post(TASK + "/extensions/approval"), "SUPERVISOR", "{\"comment\": \"同意\"}"))
                .andExpect(status().isOk());
        mvc.perform(json(post(TASK + "/extensions/rejection"), "SUPERVISOR", "{\"reason\": \"理由不足\"}"))
                .andExpect(status().isOk());
        verify(commands)
                .sendAndWait(new RequestDeadlineExtension(
                        new LedgerId(L), "task-p1", LocalDate.of(2019, 5, 31), "范围扩大", ActorRole.UNIT));
        verify(commands)
                .sendAndWait(new ApproveDeadlineExtension(new LedgerId(L), "task-p1", "同意", ActorRole.SUPERVISOR));
        verify(commands)
                .sendAndWait(new RejectDeadlineExtension(new LedgerId(L), "task-p1", "理由不足", ActorRole.SUPERVISOR));
    }

    @Test
    void extensionConflictsKeepTheirCodes() throws Exception {
        when(commands.sendAndWait(any(RequestDeadlineExtension.class)))
                .thenThrow(Refusal.unprocessable("EXTENSION_NOT_LATER", "not later"));
        when(commands.sendAndWait(any(ApproveDeadlineExtension.class)))
                .thenThrow(Refusal.conflict("NO_PENDING_EXTENSION", "nothing pending"));
        mvc.perform(json(
                        post(TASK + "/extensions"),
                        "UNIT",
                        "{\"requestedDeadline\": \"2019-01-31\", \"reason\": \"r\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("EXTENSION_NOT_LATER"));
        mvc.perform(json(post(TASK + "/extensions/approval"), "SUPERVISOR", "{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NO_PENDING_EXTENSION"));
        mvc.perform(json(post(TASK + "/extensions/rejection"), "SUPERVISOR", "{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.reason").exists());
    }

    // ---- cascade, progress

    @Test
    void aTaskIsCascadedToSubordinateUnitsAndTheirSubTasksCompleted() throws Exception {
        mvc.perform(json(post(TASK + "/cascade"), "UNIT", """
                {"subTasks": [{"ownerUnitId": "nb-port", "ownerUnitName": "港航", "deadline": "2019-03-15"}]}""")).andExpect(status().isOk());
        verify(commands)
                .sendAndWait(new CascadeTask(
                        new LedgerId(L),
                        "task-p1",
                        List.of(new SubTaskSpec("nb-port", "港航", LocalDate.of(2019, 3, 15))),
                        ActorRole.UNIT));
        mvc.perform(json(post(TASK + "/sub-tasks/task-p1-nb-port/completion"), "UNIT", "{\"note\": \"完成\"}"))
                .andExpect(status().isOk());
        verify(commands)
                .sendAndWait(new CompleteSubTask(
                        new LedgerId(L), "task-p1", "task-p1-nb-port", "完成", TODAY, ActorRole.UNIT));
    }

    @Test
    void aCascadeNeedsSubTasksWithValidOwners() throws Exception {
        mvc.perform(json(post(TASK + "/cascade"), "UNIT", "{\"subTasks\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.subTasks").exists());
        mvc.perform(json(
                        post(TASK + "/cascade"),
                        "UNIT",
                        "{\"subTasks\": [{\"ownerUnitId\": \"../x\", \"deadline\": \"2019-03-15\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        when(commands.sendAndWait(any(CascadeTask.class)))
                .thenThrow(Refusal.unprocessable("SUB_TASK_DEADLINE_AFTER_TASK", "later than the task"));
        mvc.perform(json(
                        post(TASK + "/cascade"),
                        "UNIT",
                        "{\"subTasks\": [{\"ownerUnitId\": \"nb-port\", \"deadline\": \"2029-03-15\"}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("SUB_TASK_DEADLINE_AFTER_TASK"));
    }

    @Test
    void progressIsReportedAndAnswersItsId() throws Exception {
        when(commands.sendAndWait(any(ReportProgress.class))).thenReturn("progress-1");
        mvc.perform(json(post(TASK + "/progress"), "UNIT", "{\"text\": \"已召开专题会\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("progress-1"));
        mvc.perform(json(post(TASK + "/progress"), "UNIT", "{\"text\": \"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.text").exists());
    }

    // ---- verification

    @Test
    void aSupervisorVerifiesATask() throws Exception {
        mvc.perform(json(post(TASK + "/verification"), "SUPERVISOR", "{\"comment\": \"对账通过\"}"))
                .andExpect(status().isOk());
        verify(commands).sendAndWait(new VerifyTask(new LedgerId(L), "task-p1", "对账通过", TODAY, ActorRole.SUPERVISOR));
    }

    @Test
    void aUnitClosingItsOwnTaskIsA403AfterTheAttemptWasRecorded() throws Exception {
        when(commands.sendAndWait(any(VerifyTask.class)))
                .thenReturn(Optional.of(Refusal.forbidden("UNIT_CANNOT_CLOSE_OWN_TASK", "only a supervisor")));
        mvc.perform(json(post(TASK + "/verification"), "UNIT", "{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("UNIT_CANNOT_CLOSE_OWN_TASK"));
        verify(commands).sendAndWait(new VerifyTask(new LedgerId(L), "task-p1", null, TODAY, ActorRole.UNIT));
    }

    @Test
    void verificationRefusalsKeepTheirCodes() throws Exception {
        when(commands.sendAndWait(any(VerifyTask.class)))
                .thenThrow(Refusal.unprocessable("SUB_TASKS_OPEN", "1 sub-task open"));
        mvc.perform(json(post(TASK + "/verification"), "SUPERVISOR", "{}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("SUB_TASKS_OPEN"));
    }

    @Test
    void aFailedCheckNeedsItsReason() throws Exception {
        mvc.perform(json(post(TASK + "/verification-failures"), "SUPERVISOR", "{\"reason\": \"未整改到位\"}"))
                .andExpect(status().isOk());
        verify(commands)
                .sendAndWait(new FailVerification(new LedgerId(L), "task-p1", "未整改到位", TODAY, ActorRole.SUPERVISOR));
        mvc.perform(json(post(TASK + "/verification-failures"), "SUPERVISOR", "{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.reason").exists());
    }

    // ---- ledger-wide records

    @Test
    void aRegulationIsRecordedAgainstTasks() throws Exception {
        when(commands.sendAndWait(any(RecordRegulation.class))).thenReturn("reg-1");
        mvc.perform(json(post("/api/ledgers/" + L + "/regulations"), "UNIT", """
                {"title": "招投标管理办法", "action": "REVISED", "issuedOn": "2019-01-05", "taskIds": ["task-p1"]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("reg-1"));
        verify(commands)
                .sendAndWait(new RecordRegulation(
                        new LedgerId(L),
                        "招投标管理办法",
                        RegulationAction.REVISED,
                        LocalDate.of(2019, 1, 5),
                        List.of("task-p1"),
                        ActorRole.UNIT));
        mvc.perform(json(
                        post("/api/ledgers/" + L + "/regulations"),
                        "UNIT",
                        "{\"title\": \"x\", \"action\": \"ABOLISHED\", \"issuedOn\": \"2019-01-05\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
    }

    @Test
    void theWrittenReportIsFiledAndAnswersItsRegistrationNumber() throws Exception {
        when(commands.sendAndWait(any(FileWrittenReport.class))).thenReturn("WR-2018-ningbo-iv-1");
        mvc.perform(json(post("/api/ledgers/" + L + "/written-report"), "UNIT", "{\"title\": \"书面报告\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.registrationNumber").value("WR-2018-ningbo-iv-1"));
        when(commands.sendAndWait(any(FileWrittenReport.class)))
                .thenThrow(Refusal.conflict("WRITTEN_REPORT_ALREADY_FILED", "filed"));
        mvc.perform(json(post("/api/ledgers/" + L + "/written-report"), "UNIT", "{\"title\": \"书面报告\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("WRITTEN_REPORT_ALREADY_FILED"));
    }

    @Test
    void theSupervisingBodyFilesTheTrackingEvaluation() throws Exception {
        mvc.perform(json(
                        post("/api/ledgers/" + L + "/tracking-evaluation"),
                        "SUPERVISING_BODY",
                        "{\"supervisingBody\": \"驻局纪检监察组\", \"summary\": \"整改到位\"}"))
                .andExpect(status().isCreated());
        verify(commands)
                .sendAndWait(new FileTrackingEvaluation(
                        new LedgerId(L), "驻局纪检监察组", "整改到位", TODAY, ActorRole.SUPERVISING_BODY));
        mvc.perform(json(post("/api/ledgers/" + L + "/tracking-evaluation"), "SUPERVISING_BODY", "{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.summary").exists());
    }

    @Test
    void aStageEvaluationRatesTasks() throws Exception {
        when(commands.sendAndWait(any(RecordStageEvaluation.class))).thenReturn("stage-1");
        mvc.perform(json(post("/api/ledgers/" + L + "/stage-evaluations"), "SUPERVISOR", """
                {"results": [{"taskId": "task-p1", "rating": "NOT_RECTIFIED", "comment": "未整改"}]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("stage-1"));
        verify(commands)
                .sendAndWait(new RecordStageEvaluation(
                        new LedgerId(L),
                        List.of(new TaskRatingSpec("task-p1", Rating.NOT_RECTIFIED, "未整改")),
                        TODAY,
                        ActorRole.SUPERVISOR));
        mvc.perform(json(
                        post("/api/ledgers/" + L + "/stage-evaluations"),
                        "SUPERVISOR",
                        "{\"results\": [{\"taskId\": \"task-p1\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void anAccountabilityCaseIsOpenedAndConcluded() throws Exception {
        when(commands.sendAndWait(any(OpenAccountabilityCase.class))).thenReturn("case-1");
        mvc.perform(json(
                        post("/api/ledgers/" + L + "/accountability-cases"),
                        "SUPERVISOR",
                        "{\"taskIds\": [\"task-p1\"], \"evidenceIds\": [], \"grounds\": \"逾期未整改\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("case-1"));
        mvc.perform(json(
                        post("/api/ledgers/" + L + "/accountability-cases/case-1/conclusion"),
                        "SUPERVISOR",
                        "{\"outcome\": \"诫勉谈话\"}"))
                .andExpect(status().isOk());
        verify(commands)
                .sendAndWait(
                        new ConcludeAccountabilityCase(new LedgerId(L), "case-1", "诫勉谈话", TODAY, ActorRole.SUPERVISOR));
        when(commands.sendAndWait(any(OpenAccountabilityCase.class)))
                .thenThrow(Refusal.unprocessable("NO_POOR_IMPLEMENTATION", "never overdue"));
        mvc.perform(json(
                        post("/api/ledgers/" + L + "/accountability-cases"),
                        "SUPERVISOR",
                        "{\"taskIds\": [\"task-p1\"], \"grounds\": \"g\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("NO_POOR_IMPLEMENTATION"));
        mvc.perform(json(post("/api/ledgers/" + L + "/accountability-cases"), "SUPERVISOR", "{\"grounds\": \"g\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.taskIds").exists());
    }

    // ---- evidence

    @Test
    void evidenceIsStoredThenRecordedAndAnswersItsHash() throws Exception {
        when(evidence.store(eq(L), eq("task-p1"), eq("纪要.pdf"), eq("application/pdf"), eq(3L), any()))
                .thenReturn(new StoredEvidence("ev-1", "纪要.pdf", "application/pdf", 3, "abc"));
        mvc.perform(multipart(TASK + "/evidence")
                        .file(new MockMultipartFile("file", "纪要.pdf", "application/pdf", new byte[] {1, 2, 3}))
                        .with(as("UNIT")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.evidenceId").value("ev-1"))
                .andExpect(jsonPath("$.sha256").value("abc"));
        verify(commands)
                .sendAndWait(new AttachEvidence(
                        new LedgerId(L),
                        "task-p1",
                        "ev-1",
                        "纪要.pdf",
                        "application/pdf",
                        3,
                        "abc",
                        TODAY,
                        ActorRole.UNIT));
    }

    @Test
    void theSameFileUploadedAgainAnswersTheEvidenceOnRecordAndKeepsNoSecondCopy() throws Exception {
        when(evidence.store(any(), any(), any(), any(), anyLong(), any()))
                .thenReturn(new StoredEvidence("ev-9", "纪要.pdf", "application/pdf", 3, "abc"));
        when(commands.sendAndWait(any(AttachEvidence.class))).thenReturn("ev-1");
        mvc.perform(multipart(TASK + "/evidence")
                        .file(new MockMultipartFile("file", "纪要.pdf", "application/pdf", new byte[] {1, 2, 3}))
                        .with(as("UNIT")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.evidenceId").value("ev-1"))
                .andExpect(jsonPath("$.sha256").value("abc"));
        verify(evidence).delete("ev-9");
    }

    @Test
    void evidenceOverTheLimitIsA413AndBadNamesA422() throws Exception {
        when(evidence.store(any(), any(), eq("big.bin"), any(), anyLong(), any()))
                .thenThrow(Refusal.tooLarge("EVIDENCE_TOO_LARGE", "too large"));
        when(evidence.store(any(), any(), eq("../../etc/passwd"), any(), anyLong(), any()))
                .thenThrow(Refusal.unprocessable("EVIDENCE_FILE_NAME_INVALID", "bad name"));
        mvc.perform(multipart(TASK + "/evidence")
                        .file(new MockMultipartFile("file", "big.bin", null, new byte[10]))
                        .with(as("UNIT")))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("EVIDENCE_TOO_LARGE"));
        mvc.perform(multipart(TASK + "/evidence")
                        .file(new MockMultipartFile("file", "../../etc/passwd", null, new byte[1]))
                        .with(as("UNIT")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("EVIDENCE_FILE_NAME_INVALID"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void evidenceFromASupervisorIsRefusedBeforeAnythingIsStored() throws Exception {
        mvc.perform(multipart(TASK + "/evidence")
                        .file(new MockMultipartFile("file", "a.pdf", null, new byte[1]))
                        .with(as("SUPERVISOR")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        verify(evidence, never()).store(any(), any(), any(), any(), anyLong(), any());
    }

    @Test
    void evidenceTheLedgerRefusesIsRemovedFromTheStoreAgain() throws Exception {
        when(evidence.store(any(), any(), any(), any(), anyLong(), any()))
                .thenReturn(new StoredEvidence("ev-2", "a.pdf", "application/pdf", 1, "h"));
        when(commands.sendAndWait(any(AttachEvidence.class))).thenThrow(Refusal.notFound("TASK_NOT_FOUND", "no task"));
        mvc.perform(multipart(TASK + "/evidence")
                        .file(new MockMultipartFile("file", "a.pdf", null, new byte[1]))
                        .with(as("UNIT")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TASK_NOT_FOUND"));
        verify(evidence).delete("ev-2");
    }

    @Test
    void evidenceIsDownloadedAsAnAttachmentNeverRendered() throws Exception {
        LedgerView view = new LedgerView();
        view.ledgerId = L;
        view.evidence.add(new LedgerView.Evidence("ev-1", "task-p1", "纪要.pdf", "text/html", 3, "abc", TODAY));
        when(queries.get(L)).thenReturn(view);
        GridFsResource resource = Mockito.mock(GridFsResource.class);
        when(resource.getInputStream()).thenReturn(new ByteArrayInputStream(new byte[] {1, 2, 3}));
        when(evidence.open("ev-1")).thenReturn(resource);
        var result = mvc.perform(get("/api/ledgers/" + L + "/evidence/ev-1"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Evidence-SHA256", "abc"))
                .andReturn();
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(result.getResponse().getContentAsByteArray()).containsExactly(1, 2, 3);
        mvc.perform(get("/api/ledgers/" + L + "/evidence/ev-9"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("EVIDENCE_NOT_FOUND"));
    }

    // ---- sweep on demand

    @Test
    void aSupervisorMayRunTheDeadlineSweepNowButAUnitMayNot() throws Exception {
        when(sweeper.sweep()).thenReturn(new DeadlineSweeper.Result(2, 1, 0, 0));
        mvc.perform(post("/api/deadline-sweeps").with(as("SUPERVISOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tasksMarked").value(2));
        mvc.perform(post("/api/deadline-sweeps").with(as("UNIT")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        ArgumentCaptor<Object> none = ArgumentCaptor.forClass(Object.class);
        verify(commands, never()).sendAndWait(none.capture());
    }
}
