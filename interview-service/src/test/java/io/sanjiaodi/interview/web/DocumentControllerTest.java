package io.sanjiaodi.interview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.common.Signature;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import io.sanjiaodi.documents.DocumentsAutoConfiguration;
import io.sanjiaodi.documents.Poppler;
import io.sanjiaodi.interview.command.interview.ListsHash;
import io.sanjiaodi.interview.documents.DocumentsConfig;
import io.sanjiaodi.interview.query.interviews.InterviewQueries;
import io.sanjiaodi.interview.query.interviews.InterviewView;
import io.sanjiaodi.interview.query.templates.TemplateQueries;
import io.sanjiaodi.interview.query.units.UnitRegistry;
import io.sanjiaodi.interview.registry.PeopleRegistry;
import io.sanjiaodi.interview.sources.SourceSealer;
import io.sanjiaodi.platform.security.MockJwts;
import io.sanjiaodi.platform.web.ProblemDetailsAdvice;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

/**
 * The printed record, commitment and lists, read back by poppler (pdftotext) and Apache POI: the
 * signed facts, the hash and the verification code are on them, and the confidential source only
 * on the lists an entitled reader prints. The first page of each PDF goes to
 * {@code target/document-samples} (docs/documents holds a copy).
 */
@WebMvcTest(
        controllers = DocumentController.class,
        properties = {"spring.config.name=interview-service", "axon.axonserver.enabled=false"})
@Import({
    ProblemDetailsAdvice.class,
    UnitViewOfSourcesTest.RealSealing.class,
    DocumentsAutoConfiguration.class,
    DocumentsConfig.class
})
class DocumentControllerTest {

    static final String SOURCE = "实名举报，举报人王某某";
    static final String REFERENCE = "信访件 2018-042";
    static final String EVENT_ID = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f";

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

    @Autowired
    SourceSealer sealer;

    MockMvc mvc;
    InterviewView view;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        var sourced = new ProblemItem(
                "p1",
                "工程建设",
                "招投标监管不到位，存在拆分项目规避公开招标",
                SourceChannel.PETITION_REPORT,
                null,
                sealer.seal("iv-doc", "p1", new ConfidentialSource(SOURCE, REFERENCE)));
        var plain = new ProblemItem("p2", "财务管理", "超标准公务接待", SourceChannel.DAILY_SUPERVISION, null);
        var frozen = new FrozenLists(
                3,
                List.of(new ResponsibilityItem("d1", ResponsibilityKind.REQUIRED, "每年专题研究党风廉政建设不少于两次", null)),
                List.of(sourced, plain),
                List.of(new RiskItem("k1", "物业出租", "国有房产低价出租", "某局出租案", "公开招租", RiskLevel.HIGH)));
        view = new InterviewView();
        view.interviewId = "iv-doc";
        view.unitId = "nb-transport";
        view.jurisdictionId = "ningbo";
        view.cadreLevel = "CITY_MANAGED";
        view.year = 2018;
        view.status = "CONDUCTED";
        view.listVersion = 3;
        view.lastSequence = 17;
        view.interviewee = new Interviewee(
                "李明", "党委书记", "nb-transport", "市交通局", "ningbo", CadreLevel.CITY_MANAGED, LocalDate.of(2018, 9, 1));
        view.leadInterviewer = new PersonRef("p-sec", "陈书记", "市纪委书记");
        view.responsibilities = new ArrayList<>(frozen.responsibilities());
        view.problems = new ArrayList<>(frozen.problems());
        view.risks = new ArrayList<>(frozen.risks());
        view.conduct = new InterviewView.Conduct(
                LocalDate.of(2018, 11, 15),
                "市纪委谈话室",
                new PersonRef("p-dir", "周主任", "第一纪检监察室主任"),
                "谈话指出三方面问题，要求逐项整改。",
                new Signature("李明", Instant.parse("2018-11-15T03:00:00Z")),
                new Signature("李明", Instant.parse("2018-11-15T03:05:00Z")),
                ListsHash.v2(frozen),
                2,
                EVENT_ID);
        when(queries.get("iv-doc")).thenReturn(view);
        when(queries.lookup("iv-doc")).thenReturn(Optional.of(view));
    }

    String pdfText(String document, String user) throws Exception {
        byte[] pdf = mvc.perform(
                        get("/api/interviews/iv-doc/documents/" + document).with(MockJwts.as(user)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".pdf")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Path dir = Files.createDirectories(Path.of("target/document-samples"));
        Path file = dir.resolve(document + "-" + user + ".pdf");
        Files.write(file, pdf);
        assertThat(Poppler.pages(file, 60))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(Poppler.ink(p)).isPositive());
        return Poppler.text(file).replaceAll("\\s+", "");
    }

    @Test
    void theRecordCarriesWhoWhenWhereTheSignaturesOnRecordTheHashAndTheVerificationCode() throws Exception {
        String text = pdfText("record", "unit-leader");
        assertThat(text)
                .contains("廉政谈话记录表", "李明", "党委书记", "市交通局", "市管干部", "2018年11月15日", "市纪委谈话室")
                .contains("陈书记（市纪委书记）", "周主任（第一纪检监察室主任）", "谈话指出三方面问题")
                .contains("第3版：履责事项1项、问题2个、廉政风险1项", "2018-11-1511:00:00", view.conduct.listsHash())
                .contains("核验码：" + EVENT_ID, "#/verify/" + EVENT_ID, "截至事件序号17")
                .doesNotContain(SOURCE, "王某某", "2018-042");
    }

    @Test
    void theCommitmentNamesTheListsReceivedAndItsSigner() throws Exception {
        String text = pdfText("commitment", "office");
        assertThat(text)
                .contains("廉洁从政承诺书", "本人李明，现任市交通局党委书记", "问题清单所列2个问题", "1项风险", "承诺人")
                .contains("2018-11-1511:05:00")
                .doesNotContain(SOURCE);
    }

    @Test
    void theListsShowTheSourceOnlyToTheEntitledReaderAndSaySo() throws Exception {
        String office = pdfText("lists", "office");
        assertThat(office)
                .contains("三张清单交底书", "招投标监管不到位", "信访举报", SOURCE + "（信访件2018", "042）")
                .contains("清单哈希" + view.conduct.listsHash())
                .contains("内部资料：含保密来源，不得向被谈话单位提供", "国有房产低价出租", "每年专题研究党风廉政建设不少于两次");
        for (String user : List.of("unit-leader", "unit-staff", "stationed")) {
            String unit = pdfText("lists", user);
            assertThat(unit)
                    .as(user)
                    .contains("招投标监管不到位", "信访举报", view.conduct.listsHash())
                    .doesNotContain(SOURCE, "王某某", "2018-042", "保密来源", "内部资料");
        }
    }

    @Test
    void theWordFileHoldsTheSameRecordAndTheUnitsCopyOfTheListsNoSource() throws Exception {
        assertThat(docx("record", "office")).contains("廉政谈话记录表", "谈话指出三方面问题", "核验码：" + EVENT_ID);
        assertThat(docx("lists", "office")).contains(SOURCE);
        assertThat(docx("lists", "unit-leader")).contains("招投标监管不到位").doesNotContain(SOURCE, "2018-042");
    }

    String docx(String document, String user) throws Exception {
        byte[] body = mvc.perform(get("/api/interviews/iv-doc/documents/" + document)
                        .param("format", "docx")
                        .with(MockJwts.as(user)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".docx")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(body));
                var words = new XWPFWordExtractor(doc)) {
            return words.getText();
        }
    }

    @Test
    void beforeTheTalkThereIsNothingToPrintAndAnUnknownFormatIsRefused() throws Exception {
        mvc.perform(get("/api/interviews/iv-doc/documents/record")
                        .param("format", "odt")
                        .with(MockJwts.as("office")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("UNKNOWN_DOCUMENT_FORMAT"));
        view.conduct = null;
        view.status = "LISTS_PREPARED";
        for (String document : List.of("record", "commitment", "lists")) {
            mvc.perform(get("/api/interviews/iv-doc/documents/" + document).with(MockJwts.as("office")))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("INTERVIEW_NOT_CONDUCTED"));
        }
    }

    @Test
    void aUnitUserOfAnotherUnitGetsNoDocument() throws Exception {
        mvc.perform(get("/api/interviews/iv-doc/documents/record").with(MockJwts.unit("nb-health", "ningbo")))
                .andExpect(status().isForbidden());
    }
}
