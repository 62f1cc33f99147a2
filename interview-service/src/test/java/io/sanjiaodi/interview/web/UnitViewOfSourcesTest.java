package io.sanjiaodi.interview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.ListItems.SealedSource;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import io.sanjiaodi.interview.command.interview.InterviewCommands.AddProblemItem;
import io.sanjiaodi.interview.command.interview.InterviewCommands.EraseConfidentialSources;
import io.sanjiaodi.interview.command.interview.ListsHash;
import io.sanjiaodi.interview.query.interviews.InterviewQueries;
import io.sanjiaodi.interview.query.interviews.InterviewView;
import io.sanjiaodi.interview.query.templates.TemplateQueries;
import io.sanjiaodi.interview.query.units.UnitRegistry;
import io.sanjiaodi.interview.registry.PeopleRegistry;
import io.sanjiaodi.interview.sources.DataKeys;
import io.sanjiaodi.interview.sources.ServiceKey;
import io.sanjiaodi.interview.sources.SourceSealer;
import io.sanjiaodi.interview.sources.SourcesProperties;
import io.sanjiaodi.platform.security.MockJwts;
import io.sanjiaodi.platform.web.ProblemDetailsAdvice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The web layer with the real sealing (in-memory MongoDB, a key file of its own): what the office
 * sends is sealed before the command, the unit's view carries the commitment only, and from that
 * view alone the unit recomputes the published lists hash.
 */
@WebMvcTest(
        controllers = {InterviewController.class, ListController.class, SourceErasureController.class},
        properties = {"spring.config.name=interview-service", "axon.axonserver.enabled=false"})
@Import({ProblemDetailsAdvice.class, UnitViewOfSourcesTest.RealSealing.class})
class UnitViewOfSourcesTest {

    static final String SOURCE_DETAILS = "实名举报，举报人王某某";
    static final String SOURCE_REFERENCE = "信访件 2018-042";

    @TestConfiguration
    static class RealSealing {
        @Bean(destroyMethod = "shutdownNow")
        MongoServer mongoServer() {
            MongoServer server = new MongoServer(new MemoryBackend());
            server.bind();
            return server;
        }

        @Bean
        DataKeys dataKeys(MongoServer server) throws Exception {
            var address = server.getLocalAddress();
            var mongo = new MongoTemplate(
                    MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort()), "web");
            Path dir = Files.createTempDirectory("sources-kek");
            return new DataKeys(mongo, new ServiceKey(new SourcesProperties(dir.resolve("kek.key"))));
        }

        @Bean
        SourceSealer sourceSealer(DataKeys keys) {
            return new SourceSealer(keys);
        }
    }

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    InterviewQueries queries;

    @MockitoBean
    PeopleRegistry registry;

    @MockitoBean
    TemplateQueries templates;

    @MockitoBean
    UnitRegistry units;

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        when(commands.sendAndWait(any())).thenReturn(Optional.empty());
    }

    /** The office adds a problem; the command carries it sealed, which the test keeps as the aggregate would. */
    ProblemItem addedProblem(String interviewId) throws Exception {
        mvc.perform(post("/api/interviews/" + interviewId + "/problems")
                        .with(MockJwts.as("office"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"aspect": "工程建设", "description": "招投标监管不到位", "sourceChannel": "PETITION_REPORT",
                                 "confidentialSource": {"details": "%s", "reference": "%s"}}
                                """.formatted(SOURCE_DETAILS, SOURCE_REFERENCE)))
                .andExpect(status().isCreated());
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, org.mockito.Mockito.atLeastOnce()).sendAndWait(sent.capture());
        ProblemItem item = ((AddProblemItem) sent.getValue()).item();
        assertThat(item.confidentialSource()).isNull();
        assertThat(item.sealedSource().ciphertext()).doesNotContain(SOURCE_REFERENCE);
        return item;
    }

    InterviewView conducted(String interviewId, ProblemItem problem) {
        var duty = new ResponsibilityItem("d1", ResponsibilityKind.CUSTOM, "专题研究", null);
        var risk = new RiskItem("k1", "审批", "许可", "某案", "留痕", RiskLevel.HIGH);
        var unsourced = new ProblemItem("p2", "财务", "超标接待", SourceChannel.DAILY_SUPERVISION, null);
        var frozen = new FrozenLists(4, List.of(duty), List.of(problem, unsourced), List.of(risk));
        var view = new InterviewView();
        view.interviewId = interviewId;
        view.unitId = "nb-transport";
        view.jurisdictionId = "ningbo";
        view.status = "CONDUCTED";
        view.listVersion = 4;
        view.responsibilities = new ArrayList<>(frozen.responsibilities());
        view.problems = new ArrayList<>(frozen.problems());
        view.risks = new ArrayList<>(frozen.risks());
        view.conduct = new InterviewView.Conduct(
                LocalDate.of(2018, 11, 15), "谈话室", null, "要点", null, null, ListsHash.v2(frozen), 2, null);
        when(queries.get(interviewId)).thenReturn(view);
        when(queries.lookup(interviewId)).thenReturn(Optional.of(view));
        when(queries.find(any(), any(), org.mockito.ArgumentMatchers.anyInt(), org.mockito.ArgumentMatchers.anyInt()))
                .thenReturn(List.of(view));
        return view;
    }

    @Test
    void theUnitLeadersViewHasNeitherTheSourceNorItsCiphertextAndProvesThePublishedHash() throws Exception {
        ProblemItem problem = addedProblem("iv-unit");
        InterviewView view = conducted("iv-unit", problem);
        String ciphertext = problem.sealedSource().ciphertext();

        for (String user : List.of("unit-leader", "unit-staff", "stationed")) {
            String one = mvc.perform(get("/api/interviews/iv-unit").with(MockJwts.as(user)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.problems[0].confidentialSource").doesNotExist())
                    .andExpect(jsonPath("$.problems[0].sealedSource").doesNotExist())
                    .andExpect(jsonPath("$.problems[0].sourceCommitment")
                            .value(problem.sealedSource().commitment()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String list = mvc.perform(get("/api/interviews").with(MockJwts.as(user)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(one + list)
                    .as(user)
                    .doesNotContain(SOURCE_DETAILS, SOURCE_REFERENCE, "王某某", "2018-042", ciphertext, "salt");
            assertThat(Base64.getEncoder().encodeToString(SOURCE_REFERENCE.getBytes()))
                    .isNotIn(one);
            assertThat(recomputedFrom(new ObjectMapper().readTree(one)))
                    .as(user)
                    .isEqualTo(view.conduct.listsHash());
        }
    }

    @Test
    void theOfficeGetsTheSourceOpenedAndAfterTheErasureOnlyThatItWasErased() throws Exception {
        ProblemItem problem = addedProblem("iv-office");
        conducted("iv-office", problem);

        mvc.perform(get("/api/interviews/iv-office").with(MockJwts.as("office")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problems[0].confidentialSource.details").value(SOURCE_DETAILS))
                .andExpect(
                        jsonPath("$.problems[0].confidentialSource.reference").value(SOURCE_REFERENCE))
                .andExpect(jsonPath("$.problems[0].sourceCommitment")
                        .value(problem.sealedSource().commitment()))
                .andExpect(jsonPath("$.problems[0].sourceErased").doesNotExist());

        // what the erasure handler does once ConfidentialSourcesErased is stored
        context.getBean(DataKeys.class).destroy("iv-office", java.time.Instant.now());

        String erased = mvc.perform(get("/api/interviews/iv-office").with(MockJwts.as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problems[0].confidentialSource").doesNotExist())
                .andExpect(jsonPath("$.problems[0].sourceErased").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(erased).doesNotContain(SOURCE_REFERENCE);
    }

    @Test
    void onlyTheAdministratorErasesAndAReasonIsRequired() throws Exception {
        String body = "{\"reason\": \"举报人申请删除\"}";
        for (String user : List.of("office", "leader", "auditor", "unit-leader")) {
            mvc.perform(post("/api/interviews/iv-x/confidential-sources/erasure")
                            .with(MockJwts.as(user))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/interviews/iv-x/confidential-sources/erasure")
                        .with(MockJwts.as("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \" \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/interviews/iv-x/confidential-sources/erasure")
                        .with(MockJwts.as("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk());
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isInstanceOfSatisfying(EraseConfidentialSources.class, c -> {
            assertThat(c.interviewId().value()).isEqualTo("iv-x");
            assertThat(c.reason()).isEqualTo("举报人申请删除");
            assertThat(c.erasedAt()).isNotNull();
        });
    }

    /** Version 2 of the lists hash from nothing but what the unit received. */
    static String recomputedFrom(JsonNode view) {
        List<ResponsibilityItem> duties = new ArrayList<>();
        view.get("responsibilities")
                .forEach(r -> duties.add(new ResponsibilityItem(
                        text(r, "itemId"),
                        ResponsibilityKind.valueOf(text(r, "kind")),
                        text(r, "text"),
                        text(r, "templateId"))));
        List<ProblemItem> problems = new ArrayList<>();
        view.get("problems").forEach(p -> {
            String commitment = text(p, "sourceCommitment");
            problems.add(new ProblemItem(
                    text(p, "itemId"),
                    text(p, "aspect"),
                    text(p, "description"),
                    SourceChannel.valueOf(text(p, "sourceChannel")),
                    null,
                    commitment == null ? null : new SealedSource(commitment, null)));
        });
        List<RiskItem> risks = new ArrayList<>();
        view.get("risks")
                .forEach(k -> risks.add(new RiskItem(
                        text(k, "itemId"),
                        text(k, "businessArea"),
                        text(k, "description"),
                        text(k, "typicalCases"),
                        text(k, "preventionExpectations"),
                        RiskLevel.valueOf(text(k, "level")))));
        assertThat(view.at("/conduct/listsHashVersion").asInt()).isEqualTo(2);
        return ListsHash.of(new FrozenLists(view.get("listVersion").asInt(), duties, problems, risks), 2);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
