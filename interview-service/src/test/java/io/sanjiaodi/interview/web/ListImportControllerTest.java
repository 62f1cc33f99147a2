package io.sanjiaodi.interview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ListItems.SealedSource;
import io.sanjiaodi.interview.command.interview.InterviewCommands.AddListItems;
import io.sanjiaodi.interview.workbook.ListImport;
import io.sanjiaodi.interview.workbook.ListWorkbookReader;
import io.sanjiaodi.interview.workbook.Sheets;
import io.sanjiaodi.platform.security.MockJwts;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The spreadsheet endpoints: template, preview (changes nothing), confirmation (one command, ids from the content). */
class ListImportControllerTest extends InterviewWebSlice {

    static final String IMPORT = "/api/interviews/iv-1/lists/import";
    static final SealedSource SEALED = new SealedSource("ab".repeat(32), "c2VhbGVk");

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .defaultRequest(get("/").with(MockJwts.as("office")))
                .build();
        when(sealer.seal(eq("iv-1"), any(), any(ConfidentialSource.class))).thenReturn(SEALED);
        when(commands.sendAndWait(any(AddListItems.class))).thenReturn(5);
    }

    @Test
    void theTemplateIsAWorkbookTheImportReadsAsHoldingNoItems() throws Exception {
        byte[] template = mvc.perform(get("/api/interviews/list-template"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ListImportController.XLSX.toString()))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var file = Files.createTempFile("template-", ".xlsx");
        Files.write(file, template);

        assertThat(ListWorkbookReader.read(file).errors())
                .extracting(ListImport.ImportError::code)
                .containsExactly("NO_ITEMS");
    }

    @Test
    void aPreviewListsTheRowsWithoutTheSourcesAndSendsNoCommand() throws Exception {
        String body = mvc.perform(multipart(IMPORT).file(upload(Sheets.filled().bytes())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").value(5))
                .andExpect(jsonPath("$.problems[0].row").value(2))
                .andExpect(jsonPath("$.problems[0].hasConfidentialSource").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body).doesNotContain("实名举报人").doesNotContain("信访件 2018-117");
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aFileWithErrorsIsA422ListingEachWithItsPositionAndSendsNoCommand() throws Exception {
        byte[] bad = Sheets.filled().row("问题清单", 4, "工程建设", null, "巡视巡察").bytes();

        mvc.perform(multipart(IMPORT + "/confirm").file(upload(bad)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("LIST_IMPORT_INVALID"))
                .andExpect(jsonPath("$.errors[0].sheet").value("问题清单"))
                .andExpect(jsonPath("$.errors[0].row").value(4))
                .andExpect(jsonPath("$.errors[0].column").value("B"))
                .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aConfirmationSendsOneCommandWithSealedSourcesAndTheSameFileTwiceTheSameItemIds() throws Exception {
        byte[] file = Sheets.filled().bytes();
        String importId = ListWorkbookReader.read(
                        java.nio.file.Files.write(Files.createTempFile("lists-", ".xlsx"), file))
                .importId();

        mvc.perform(multipart(IMPORT + "/confirm").file(upload(file)).param("importId", importId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(5))
                .andExpect(jsonPath("$.itemIds[0]").value("imp-" + importId.substring(0, 16) + "-d2"));
        mvc.perform(multipart(IMPORT + "/confirm").file(upload(file))).andExpect(status().isOk());

        ArgumentCaptor<AddListItems> sent = ArgumentCaptor.forClass(AddListItems.class);
        verify(commands, times(2)).sendAndWait(sent.capture());
        AddListItems first = sent.getAllValues().get(0);
        assertThat(first.problems().get(0).sealedSource()).isEqualTo(SEALED);
        assertThat(first.problems().get(0).confidentialSource())
                .as("never in clear")
                .isNull();
        assertThat(first.problems().get(1).sealedSource())
                .as("a row without a source")
                .isNull();
        assertThat(sent.getAllValues().get(1).problems())
                .extracting(p -> p.itemId())
                .isEqualTo(first.problems().stream().map(p -> p.itemId()).toList());
    }

    @Test
    void aConfirmationOfAnotherFileThanThePreviewedIsRefusedListImportChanged() throws Exception {
        mvc.perform(multipart(IMPORT + "/confirm")
                        .file(upload(Sheets.filled().bytes()))
                        .param("importId", "0".repeat(64)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("LIST_IMPORT_CHANGED"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aUnitLeaderMayNotImport() throws Exception {
        mvc.perform(multipart(IMPORT).file(upload(Sheets.filled().bytes())).with(MockJwts.as("unit-leader")))
                .andExpect(status().isForbidden());
    }

    private static MockMultipartFile upload(byte[] bytes) {
        return new MockMultipartFile("file", "三张清单.xlsx", ListImportController.XLSX.toString(), bytes);
    }
}
