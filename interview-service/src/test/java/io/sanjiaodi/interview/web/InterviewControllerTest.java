package io.sanjiaodi.interview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sanjiaodi.contracts.interview.ListItems;
import io.sanjiaodi.interview.command.interview.InterviewCommands.EntrustLeadInterviewer;
import io.sanjiaodi.interview.command.interview.InterviewCommands.ScheduleInterview;
import io.sanjiaodi.interview.command.interview.InterviewId;
import io.sanjiaodi.interview.command.interview.Official;
import io.sanjiaodi.interview.command.interview.OfficialRole;
import io.sanjiaodi.interview.query.interviews.InterviewView;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.MockJwts;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

class InterviewControllerTest extends InterviewWebSlice {

    static final String SCHEDULE = """
            {"interviewee": {"name": "张某", "position": "党委书记", "unitId": "nb-transport", "unitName": "市交通局",
                             "jurisdictionId": "ningbo", "cadreLevel": "CITY_MANAGED", "appointmentDate": "2018-10-30"},
             "plannedDate": "2018-11-15", "place": "谈话室", "leadInterviewerId": "%s"}
            """;
    static final String CONDUCT = """
            {"conductedOn": "2018-11-15", "handedOverById": "nb-office-1-director", "recordSummary": "要点",
             "recordSignature": {"signedBy": "张某", "signedAt": "2018-11-15T02:30:00Z"},
             "commitmentSignature": {"signedBy": "张某", "signedAt": "2018-11-15T02:31:00Z"},
             "leadInterviewerId": "nb-secretary"}
            """;
    static final Official SECRETARY =
            new Official("nb-secretary", "陈明", "市纪委书记", OfficialRole.CITY_SECRETARY, "ningbo", null);
    static final Official DIRECTOR =
            new Official("nb-office-1-director", "王强", "主任", OfficialRole.SUPERVISION_OFFICE_DIRECTOR, "ningbo", null);
    static final Official DEPUTY =
            new Official("nb-deputy-1", "林晓", "副书记", OfficialRole.CITY_DEPUTY_SECRETARY, "ningbo", null);

    /** Requests without a token. */
    @Autowired
    MockMvc plain;

    @Autowired
    WebApplicationContext context;
    /** Requests as the supervision office unless a test names another user. */
    MockMvc mvc;

    @BeforeEach
    void registry() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .defaultRequest(get("/").with(MockJwts.as("office")))
                .build();
        when(registry.official("nb-secretary")).thenReturn(SECRETARY);
        when(registry.official("nb-office-1-director")).thenReturn(DIRECTOR);
        when(registry.official("nb-deputy-1")).thenReturn(DEPUTY);
        when(registry.official("nobody")).thenThrow(Refusal.unprocessable("UNKNOWN_PERSON", "no official nobody"));
        // what the aggregates answer when no rule refused: no refusal
        when(commands.sendAndWait(any())).thenReturn(Optional.empty());
        when(units.registered(any(), any())).thenAnswer(call -> call.getArgument(0));
    }

    @Test
    void schedulingAnswersCreatedWithTheNewId() throws Exception {
        mvc.perform(post("/api/interviews")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SCHEDULE.formatted("nb-secretary")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString());
        verify(commands).sendAndWait(any(ScheduleInterview.class));
    }

    /** Only a deputy leading a city-managed talk names an entruster; the registry is never asked for "nobody". */
    @Test
    void theEntrusterNamedAtSchedulingComesFromTheRegistryAndNoneIsSentWhenNoneIsNamed() throws Exception {
        mvc.perform(post("/api/interviews")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SCHEDULE.formatted("nb-secretary")))
                .andExpect(status().isCreated());
        mvc.perform(
                        post("/api/interviews")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        SCHEDULE.formatted("nb-deputy-1")
                                                .replace(
                                                        "\"leadInterviewerId\"",
                                                        "\"entrustedById\": \"nb-secretary\", \"entrustedOn\": \"2018-11-01\", \"leadInterviewerId\"")))
                .andExpect(status().isCreated());
        ArgumentCaptor<ScheduleInterview> sent = ArgumentCaptor.forClass(ScheduleInterview.class);
        verify(commands, times(2)).sendAndWait(sent.capture());
        assertThat(sent.getAllValues()).extracting(ScheduleInterview::lead).containsExactly(SECRETARY, DEPUTY);
        assertThat(sent.getAllValues())
                .extracting(ScheduleInterview::entrustedBy)
                .containsExactly(null, SECRETARY);
        verify(registry, never()).official(null);
    }

    @Test
    void aLeadInterviewerTheRuleForbidsIsA422ButTheAttemptIsStillRecorded() throws Exception {
        when(commands.sendAndWait(any(ScheduleInterview.class)))
                .thenReturn(Optional.of(Refusal.unprocessable("ENTRUSTMENT_REQUIRED", "deputy needs an entrustment")));
        mvc.perform(post("/api/interviews")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SCHEDULE.formatted("nb-deputy-1")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("ENTRUSTMENT_REQUIRED"));
        verify(commands).sendAndWait(any(ScheduleInterview.class));
    }

    @Test
    void anUnknownLeadInterviewerIsRefusedBeforeAnyCommand() throws Exception {
        mvc.perform(post("/api/interviews")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SCHEDULE.formatted("nobody")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("UNKNOWN_PERSON"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void malformedJsonIsAProblemWithAStableCodeAndSendsNoCommand() throws Exception {
        mvc.perform(post("/api/interviews")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"interviewee\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void anUnknownCadreLevelIsRefused() throws Exception {
        mvc.perform(post("/api/interviews")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SCHEDULE.formatted("nb-secretary").replace("CITY_MANAGED", "EMPEROR_MANAGED")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void missingAndOverlongFieldsAreNamedInTheProblem() throws Exception {
        mvc.perform(post("/api/interviews")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SCHEDULE.formatted("nb-secretary")
                                .replace("\"name\": \"张某\",", "")
                                .replace("谈话室", "室".repeat(201))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.fields['interviewee.name']").exists())
                .andExpect(jsonPath("$.fields.place").exists());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void anIdThatLooksLikeAQueryOperatorIsRefused() throws Exception {
        mvc.perform(get("/api/interviews").param("unitId", "{\"$ne\": null}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(post("/api/interviews")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SCHEDULE.formatted("nb.secretary$where")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aRuleViolationFromTheAggregateKeepsItsCodeAndStatus() throws Exception {
        when(commands.sendAndWait(any()))
                .thenThrow(Refusal.conflict("ALREADY_CONDUCTED", "the interview is conducted; its lists are frozen"));
        mvc.perform(post("/api/interviews/iv-1/conduct")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CONDUCT))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALREADY_CONDUCTED"))
                .andExpect(jsonPath("$.detail").value("the interview is conducted; its lists are frozen"));
    }

    @Test
    void aRefusalRecordedWhileConductingIsA422WithTheRulesCode() throws Exception {
        when(commands.sendAndWait(any()))
                .thenReturn(Optional.of(Refusal.unprocessable("LEAD_NOT_CITY_SECRETARY", "not allowed")));
        mvc.perform(post("/api/interviews/iv-1/conduct")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CONDUCT))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("LEAD_NOT_CITY_SECRETARY"));
    }

    static final String ENTRUST = """
            {"secretaryId": "%s", "deputyId": "nb-deputy-1", "entrustedOn": "2018-11-01"}
            """;

    @Test
    void anEntrustmentIsSentWithTheSecretaryAndTheDeputyAsTheRegistryKnowsThem() throws Exception {
        mvc.perform(post("/api/interviews/iv-1/entrustment")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ENTRUST.formatted("nb-secretary")))
                .andExpect(status().isOk());
        verify(commands)
                .sendAndWait(new EntrustLeadInterviewer(
                        new InterviewId("iv-1"), SECRETARY, DEPUTY, LocalDate.of(2018, 11, 1)));
    }

    @Test
    void anEntrustmentTheRuleRefusesIsA422NamingTheInterviewItWasRecordedOn() throws Exception {
        when(commands.sendAndWait(any(EntrustLeadInterviewer.class)))
                .thenReturn(Optional.of(Refusal.unprocessable(
                        "ENTRUSTER_NOT_CITY_SECRETARY", "only the city commission secretary can entrust a deputy")));
        mvc.perform(post("/api/interviews/iv-1/entrustment")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ENTRUST.formatted("nb-office-1-director")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("ENTRUSTER_NOT_CITY_SECRETARY"))
                .andExpect(jsonPath("$.detail")
                        .value("only the city commission secretary can entrust a deputy (recorded on interview iv-1)"));
        verify(commands)
                .sendAndWait(new EntrustLeadInterviewer(
                        new InterviewId("iv-1"), DIRECTOR, DEPUTY, LocalDate.of(2018, 11, 1)));
    }

    @Test
    void conductingWithoutSignaturesIsInvalid() throws Exception {
        mvc.perform(
                        post("/api/interviews/iv-1/conduct")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"conductedOn\": \"2018-11-15\", \"handedOverById\": \"x\", \"recordSummary\": \"s\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.fields.recordSignature").exists());
    }

    @Test
    void anUnknownInterviewIsNotFound() throws Exception {
        when(queries.get("nope")).thenThrow(Refusal.notFound("INTERVIEW_NOT_FOUND", "no interview nope"));
        mvc.perform(get("/api/interviews/nope"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("INTERVIEW_NOT_FOUND"));
    }

    @Test
    void aProblemItemNeedsAKnownSourceChannel() throws Exception {
        mvc.perform(post("/api/interviews/iv-1/problems")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"aspect\": \"工程\", \"description\": \"问题\", \"sourceChannel\": \"RUMOUR\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void onlyAPublishedTemplateCanBeCopied() throws Exception {
        when(templates.published(eq("tpl-draft")))
                .thenThrow(Refusal.conflict("TEMPLATE_NOT_PUBLISHED", "template tpl-draft is still a draft"));
        mvc.perform(post("/api/interviews/iv-1/responsibilities/from-template")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"templateId\": \"tpl-draft\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("TEMPLATE_NOT_PUBLISHED"));
        verify(commands, never()).sendAndWait(any());
    }

    // ---- security

    static InterviewView withConfidentialProblem() {
        var view = new InterviewView();
        view.interviewId = "iv-1";
        view.unitId = "nb-transport";
        view.jurisdictionId = "ningbo";
        view.problems.add(new io.sanjiaodi.contracts.interview.ListItems.ProblemItem(
                "p-1",
                "作风建设",
                "公车私用",
                ListItems.SourceChannel.PETITION_REPORT,
                new io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource("举报人李某", "信访-2018-17")));
        return view;
    }

    @Test
    void unitUsersNeverSeeConfidentialSourcesTheOfficeDoes() throws Exception {
        when(queries.get("iv-1")).thenAnswer(i -> withConfidentialProblem());
        when(queries.find(any(), any(), eq(0), eq(20))).thenAnswer(i -> List.of(withConfidentialProblem()));
        mvc.perform(get("/api/interviews/iv-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problems[0].confidentialSource.details").value("举报人李某"));
        for (String user : java.util.List.of("unit-leader", "unit-staff")) {
            String body = mvc.perform(get("/api/interviews/iv-1").with(MockJwts.as(user)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.problems[0].description").value("公车私用"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String list = mvc.perform(get("/api/interviews")
                            .param("unitId", "nb-transport")
                            .with(MockJwts.as(user)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].interviewId").value("iv-1"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            org.assertj.core.api.Assertions.assertThat(body + list).doesNotContain("举报人", "信访-2018-17");
        }
    }

    /** A supervising body reads the interviews of the units it supervises, never who reported a problem. */
    @Test
    void aSupervisingBodyNeverSeesAProblemsConfidentialSource() throws Exception {
        when(queries.lookup("iv-1")).thenAnswer(i -> Optional.of(withConfidentialProblem()));
        when(queries.get("iv-1")).thenAnswer(i -> withConfidentialProblem());
        when(queries.find(any(), any(), eq(0), eq(20))).thenAnswer(i -> List.of(withConfidentialProblem()));
        String one = mvc.perform(get("/api/interviews/iv-1").with(MockJwts.as("stationed")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problems[0].itemId").value("p-1"))
                .andExpect(jsonPath("$.problems[0].description").value("公车私用"))
                .andExpect(jsonPath("$.problems[0].sourceChannel").value("PETITION_REPORT"))
                .andExpect(jsonPath("$.problems[0].confidentialSource").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String list = mvc.perform(get("/api/interviews").with(MockJwts.as("stationed")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].problems[0].description").value("公车私用"))
                .andExpect(jsonPath("$[0].problems[0].confidentialSource").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(one + list).doesNotContain("举报人", "信访-2018-17");
    }

    /** LEADERSHIP, SUPERVISION_OFFICE and AUDITOR (README, Scope) read the source with the problem. */
    @Test
    void theCommissionReadsTheConfidentialSourceWithTheProblem() throws Exception {
        when(queries.get("iv-1")).thenAnswer(i -> withConfidentialProblem());
        when(queries.find(any(), any(), eq(0), eq(20))).thenAnswer(i -> List.of(withConfidentialProblem()));
        for (String user : List.of("leader", "office", "auditor")) {
            mvc.perform(get("/api/interviews/iv-1").with(MockJwts.as(user)))
                    .andExpect(status().isOk())
                    .andExpect(
                            jsonPath("$.problems[0].confidentialSource.details").value("举报人李某"))
                    .andExpect(jsonPath("$.problems[0].confidentialSource.reference")
                            .value("信访-2018-17"));
            mvc.perform(get("/api/interviews").with(MockJwts.as(user)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].problems[0].confidentialSource.details")
                            .value("举报人李某"));
        }
    }

    /** Jackson 3 would sort fields alphabetically; the API keeps the views' own order (as on Boot 3). */
    @Test
    void responsesListFieldsInTheRecordsOrderAndDatesAsIsoText() throws Exception {
        var view = withConfidentialProblem();
        view.plannedDate = LocalDate.of(2018, 11, 15);
        when(queries.get("iv-1")).thenReturn(view);
        String body = mvc.perform(get("/api/interviews/iv-1"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(body)
                .startsWith("{\"interviewId\":\"iv-1\",\"interviewee\":null,")
                .contains("\"plannedDate\":\"2018-11-15\"");
    }

    @Test
    void aUnitUserSeesOnlyItsOwnUnitAndCannotWrite() throws Exception {
        when(queries.lookup("iv-1")).thenAnswer(i -> java.util.Optional.of(withConfidentialProblem()));
        mvc.perform(get("/api/interviews/iv-1").with(MockJwts.unit("nb-coop", "ningbo")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("OUT_OF_SCOPE"));
        // the list is cut to the unit by the query itself (InterviewQueriesTest), before paging
        mvc.perform(get("/api/interviews").param("unitId", "nb-transport").with(MockJwts.unit("nb-coop", "ningbo")))
                .andExpect(status().isOk());
        verify(queries)
                .find(
                        any(),
                        eq(new io.sanjiaodi.platform.security.Actor.Scope("unitId", java.util.Set.of("nb-coop"))),
                        eq(0),
                        eq(20));
        mvc.perform(post("/api/interviews/iv-1/cancel")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"x\"}")
                        .with(MockJwts.as("unit-leader")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        mvc.perform(get("/api/interviews/iv-1/history").with(MockJwts.as("unit-leader")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void anOfficeOfAnotherJurisdictionIsOutOfScope() throws Exception {
        when(queries.lookup("iv-1")).thenAnswer(i -> java.util.Optional.of(withConfidentialProblem()));
        mvc.perform(post("/api/interviews/iv-1/cancel")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"x\"}")
                        .with(MockJwts.as("office-fenghua")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("OUT_OF_SCOPE"));
        mvc.perform(post("/api/interviews")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SCHEDULE.formatted("nb-secretary"))
                        .with(MockJwts.as("office-fenghua")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("OUT_OF_SCOPE"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void withoutATokenEveryEndpointIs401() throws Exception {
        plain.perform(get("/api/interviews"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("AUTHENTICATION_REQUIRED"));
        plain.perform(post("/api/interviews")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SCHEDULE.formatted("nb-secretary")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("AUTHENTICATION_REQUIRED"));
        verify(commands, never()).sendAndWait(any());
    }
}
