package io.sanjiaodi.interview.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sanjiaodi.interview.command.interview.ScheduleInterview;
import io.sanjiaodi.interview.query.interviews.InterviewQueries;
import io.sanjiaodi.platform.RuleViolation;
import io.sanjiaodi.platform.web.ProblemDetailsAdvice;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = InterviewController.class,
        properties = {"spring.config.name=interview-service", "axon.axonserver.enabled=false"})
@Import(ProblemDetailsAdvice.class)
class InterviewControllerTest {

    private static final String VALID = """
            {"interviewee": {"name": "张某", "position": "党委书记", "unitId": "nb-transport", "unitName": "市交通局",
                             "jurisdictionId": "ningbo", "cadreLevel": "CITY_MANAGED", "appointmentDate": "2018-10-30"},
             "plannedDate": "2018-11-15", "place": "谈话室",
             "leadInterviewer": {"personId": "nb-secretary", "name": "李某", "post": "市纪委书记"}}
            """;

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    InterviewQueries queries;

    @Test
    void schedulingAnswersCreatedWithTheNewId() throws Exception {
        mvc.perform(post("/api/interviews").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString());
        verify(commands).sendAndWait(any(ScheduleInterview.class));
    }

    @Test
    void malformedJsonIsAProblemWithAStableCodeAndSendsNoCommand() throws Exception {
        mvc.perform(post("/api/interviews").contentType(MediaType.APPLICATION_JSON).content("{\"interviewee\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void anUnknownCadreLevelIsRefused() throws Exception {
        mvc.perform(post("/api/interviews").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("CITY_MANAGED", "EMPEROR_MANAGED")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void missingFieldsAreNamedInTheProblem() throws Exception {
        mvc.perform(post("/api/interviews").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("\"name\": \"张某\",", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.fields['interviewee.name']").exists());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aRuleViolationFromTheAggregateKeepsItsCodeAndStatus() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(
                RuleViolation.conflict("ALREADY_CONDUCTED", "the interview was already conducted; its lists are frozen"));
        mvc.perform(post("/api/interviews/iv-1/conduct").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"conductedOn\": \"2018-11-15\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALREADY_CONDUCTED"))
                .andExpect(jsonPath("$.detail").value("the interview was already conducted; its lists are frozen"));
    }

    @Test
    void anUnknownInterviewIsNotFound() throws Exception {
        when(queries.find("nope")).thenReturn(Optional.empty());
        mvc.perform(get("/api/interviews/nope"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("INTERVIEW_NOT_FOUND"));
    }
}
