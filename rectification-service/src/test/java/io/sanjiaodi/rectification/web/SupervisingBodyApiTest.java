package io.sanjiaodi.rectification.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import io.sanjiaodi.platform.security.MockJwts;
import io.sanjiaodi.platform.web.ProblemDetailsAdvice;
import io.sanjiaodi.rectification.command.rectification.ActorRole;
import io.sanjiaodi.rectification.command.rectification.LedgerId;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import io.sanjiaodi.rectification.deadlines.DeadlineSweeper;
import io.sanjiaodi.rectification.evidence.EvidenceStore;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries;
import io.sanjiaodi.rectification.query.ledgers.LedgerView;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The supervising body on the ledger endpoints, as the contract's demo user {@code stationed}
 * (驻局纪检监察组, ningbo, supervising nb-transport and three other units): it files the tracking
 * evaluation and stage evaluations of the ledgers of the units it supervises, does nothing a unit
 * or a supervisor does, and sees no ledger of a unit it does not supervise — not even in its own
 * jurisdiction.
 */
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
class SupervisingBodyApiTest {

    /** a unit the stationed group supervises */
    static final String SUPERVISED = "ledger-iv-1";
    /** a unit of its jurisdiction it does not supervise */
    static final String UNSUPERVISED = "ledger-iv-2";

    static final String TASK = "/api/ledgers/" + SUPERVISED + "/tasks/task-p1";
    static final String PLAN = """
            {"responsibleLeader": "张某", "responsibleDepartment": "局办公室", "deadline": "2019-03-31",
             "measures": "修订招投标管理办法"}""";
    static final String TRACKING = "{\"supervisingBody\": \"驻局纪检监察组\", \"summary\": \"整改到位\"}";
    static final String RATING = "{\"results\": [{\"taskId\": \"task-p1\", \"rating\": \"RECTIFIED\"}]}";

    @Autowired
    WebApplicationContext context;

    /** Requests as the stationed group. */
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    LedgerQueries queries;

    @MockitoBean
    EvidenceStore evidence;

    @MockitoBean
    DeadlineSweeper sweeper;

    @BeforeEach
    void signInAsTheStationedGroup() {
        LedgerView supervised = ledger(SUPERVISED, "nb-transport");
        LedgerView unsupervised = ledger(UNSUPERVISED, "nb-finance");
        when(queries.lookup(SUPERVISED)).thenAnswer(i -> Optional.of(supervised));
        when(queries.lookup(UNSUPERVISED)).thenAnswer(i -> Optional.of(unsupervised));
        when(queries.get(SUPERVISED)).thenReturn(supervised);
        when(queries.get(UNSUPERVISED)).thenReturn(unsupervised);
        when(queries.find(null, null)).thenReturn(List.of(supervised, unsupervised));
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .defaultRequest(get("/").with(MockJwts.as("stationed")))
                .build();
    }

    private static LedgerView ledger(String ledgerId, String unitId) {
        LedgerView view = new LedgerView();
        view.ledgerId = ledgerId;
        view.unitId = unitId;
        view.jurisdictionId = "ningbo";
        LedgerView.TaskView task = new LedgerView.TaskView();
        task.taskId = "task-p1";
        view.tasks.add(task);
        return view;
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** What a unit does on its ledger, then what a supervisor does: none of it the supervising body's. */
    static Stream<Arguments> notTheSupervisingBodys() {
        String ledger = "/api/ledgers/" + SUPERVISED;
        return Stream.of(
                Arguments.of("plan", json(post(TASK + "/plan"), PLAN)),
                Arguments.of("revise the plan", json(put(TASK + "/plan"), """
                                {"responsibleLeader": "李某", "responsibleDepartment": "建设处", "measures": "m",
                                 "reason": "分工调整"}""")),
                Arguments.of(
                        "request an extension",
                        json(post(TASK + "/extensions"), "{\"requestedDeadline\": \"2019-05-31\", \"reason\": \"r\"}")),
                Arguments.of(
                        "cascade",
                        json(
                                post(TASK + "/cascade"),
                                "{\"subTasks\": [{\"ownerUnitId\": \"nb-port\", \"deadline\": \"2019-03-15\"}]}")),
                Arguments.of("complete a sub-task", json(post(TASK + "/sub-tasks/task-p1-nb-port/completion"), "{}")),
                Arguments.of("report progress", json(post(TASK + "/progress"), "{\"text\": \"已召开专题会\"}")),
                Arguments.of(
                        "attach evidence",
                        multipart(TASK + "/evidence")
                                .file(new MockMultipartFile("file", "a.pdf", "application/pdf", new byte[] {1}))),
                Arguments.of(
                        "record a regulation",
                        json(
                                post(ledger + "/regulations"),
                                "{\"title\": \"办法\", \"action\": \"REVISED\", \"issuedOn\": \"2019-01-05\"}")),
                Arguments.of(
                        "file the written report", json(post(ledger + "/written-report"), "{\"title\": \"书面报告\"}")),
                Arguments.of("verify", json(post(TASK + "/verification"), "{}")),
                Arguments.of("fail a check", json(post(TASK + "/verification-failures"), "{\"reason\": \"未整改\"}")),
                Arguments.of("approve an extension", json(post(TASK + "/extensions/approval"), "{}")),
                Arguments.of("reject an extension", json(post(TASK + "/extensions/rejection"), "{\"reason\": \"r\"}")),
                Arguments.of(
                        "open an accountability case",
                        json(
                                post(ledger + "/accountability-cases"),
                                "{\"taskIds\": [\"task-p1\"], \"grounds\": \"逾期\"}")),
                Arguments.of(
                        "conclude an accountability case",
                        json(post(ledger + "/accountability-cases/case-1/conclusion"), "{\"outcome\": \"诫勉谈话\"}")),
                Arguments.of("run the deadline sweep", post("/api/deadline-sweeps")));
    }

    @ParameterizedTest(name = "the supervising body may not {0}")
    @MethodSource("notTheSupervisingBodys")
    void theSupervisingBodyIsRefusedWhatAUnitOrASupervisorDoesOnALedgerItSupervises(
            String action, RequestBuilder request) throws Exception {
        mvc.perform(request)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        verify(commands, never()).sendAndWait(any());
        verify(evidence, never()).store(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyLong(), any());
        verify(sweeper, never()).sweep();
    }

    @Test
    void theSupervisingBodyFilesTheTrackingEvaluationOfALedgerItSupervisesUnderItsOwnRole() throws Exception {
        mvc.perform(json(post("/api/ledgers/" + SUPERVISED + "/tracking-evaluation"), TRACKING))
                .andExpect(status().isCreated());
        verify(commands)
                .sendAndWait(new FileTrackingEvaluation(
                        new LedgerId(SUPERVISED), "驻局纪检监察组", "整改到位", LedgerApiTest.TODAY, ActorRole.SUPERVISING_BODY));
    }

    @Test
    void theSupervisingBodyRecordsAStageEvaluationOfALedgerItSupervisesUnderItsOwnRole() throws Exception {
        when(commands.sendAndWait(any(RecordStageEvaluation.class))).thenReturn("stage-1");
        mvc.perform(json(post("/api/ledgers/" + SUPERVISED + "/stage-evaluations"), RATING))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("stage-1"));
        verify(commands)
                .sendAndWait(new RecordStageEvaluation(
                        new LedgerId(SUPERVISED),
                        List.of(new TaskRatingSpec("task-p1", Rating.RECTIFIED, null)),
                        LedgerApiTest.TODAY,
                        ActorRole.SUPERVISING_BODY));
    }

    @Test
    void aLedgerOfAUnitItDoesNotSuperviseIsOutOfScopeEvenInItsOwnJurisdiction() throws Exception {
        String ledger = "/api/ledgers/" + UNSUPERVISED;
        mvc.perform(json(post(ledger + "/tracking-evaluation"), TRACKING))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("OUT_OF_SCOPE"));
        mvc.perform(json(post(ledger + "/stage-evaluations"), RATING))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("OUT_OF_SCOPE"));
        mvc.perform(get(ledger))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("OUT_OF_SCOPE"));
        mvc.perform(get(ledger + "/reconciliation"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("OUT_OF_SCOPE"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void theSupervisingBodyReadsTheLedgerOfAUnitItSupervises() throws Exception {
        mvc.perform(get("/api/ledgers/" + SUPERVISED))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ledgerId").value(SUPERVISED))
                .andExpect(jsonPath("$.tasks.length()").value(1));
    }

    @Test
    void theListOfLedgersShowsTheSupervisingBodyOnlyTheUnitsItSupervises() throws Exception {
        mvc.perform(get("/api/ledgers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].ledgerId").value(SUPERVISED));
    }
}
