package io.sanjiaodi.interview.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import io.sanjiaodi.interview.workbook.ListImport.ImportError;
import io.sanjiaodi.platform.Refusal;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule of the import, each with the exact position of its error, and the round trip through the export. */
class ListWorkbookReaderTest {

    @Test
    void theFilledTemplateReadsAsItsItemsWithTheirRowNumbers() {
        ListImport lists = ListWorkbookReader.read(Sheets.filled().file());

        assertThat(lists.errors()).isEmpty();
        assertThat(lists.responsibilities())
                .extracting(ListImport.Responsibility::row, ListImport.Responsibility::kind)
                .containsExactly(tuple(2, ResponsibilityKind.REQUIRED), tuple(3, ResponsibilityKind.CUSTOM));
        assertThat(lists.problems().get(0))
                .isEqualTo(new ListImport.Problem(
                        2, "工程建设", "招投标监管不到位", SourceChannel.PETITION_REPORT, "实名举报人：某某", "信访件 2018-117"));
        assertThat(lists.problems().get(1).hasSource()).isFalse();
        assertThat(lists.risks())
                .singleElement()
                .extracting(ListImport.Risk::level)
                .isEqualTo(RiskLevel.HIGH);
        assertThat(lists.importId()).hasSize(64);
    }

    @Test
    void anEmptyRequiredCellIsReportedRequiredAtItsSheetRowAndColumn() {
        List<ImportError> errors = errors(Sheets.filled().row("问题清单", 4, "工程建设", null, "巡视巡察"));

        assertThat(errors)
                .containsExactly(new ImportError("问题清单", 4, "B", "问题描述", "REQUIRED", "「问题描述」 must be filled in"));
    }

    @Test
    void aValueNotAmongTheChoicesIsReportedNotAChoice() {
        List<ImportError> errors = errors(Sheets.filled().row("廉政风险清单", 3, "采购", "食材采购", null, null, "很高"));

        assertThat(errors)
                .extracting(ImportError::sheet, ImportError::row, ImportError::column, ImportError::code)
                .containsExactly(tuple("廉政风险清单", 3, "E", "NOT_A_CHOICE"));
        assertThat(errors.get(0).message()).contains("高、中、低");
    }

    @Test
    void aTextPastItsColumnsLimitIsReportedTooLong() {
        List<ImportError> errors = errors(Sheets.filled().row("主体责任清单", 4, "自选动作", "长".repeat(2001)));

        assertThat(errors)
                .extracting(ImportError::row, ImportError::column, ImportError::header, ImportError::code)
                .containsExactly(tuple(4, "B", "职责内容", "TOO_LONG"));
    }

    @Test
    void aRowRepeatingAnEarlierOneOfItsSheetIsReportedDuplicateRowNamingTheFirst() {
        List<ImportError> errors = errors(Sheets.filled().row("问题清单", 5, "制度建设", "财务报销制度执行不严", "巡视巡察"));

        assertThat(errors)
                .containsExactly(new ImportError("问题清单", 5, null, null, "DUPLICATE_ROW", "the same as row 3"));
    }

    @Test
    void aChangedHeaderIsReportedHeaderMismatchInRowOne() {
        List<ImportError> errors = errors(Sheets.filled().row("问题清单", 1, "方面"));

        assertThat(errors)
                .extracting(ImportError::sheet, ImportError::row, ImportError::column, ImportError::code)
                .containsExactly(tuple("问题清单", 1, "A", "HEADER_MISMATCH"));
    }

    @Test
    void aMissingSheetIsReportedSheetMissing() {
        List<ImportError> errors = errors(Sheets.filled().removeSheet("廉政风险清单"));

        assertThat(errors)
                .extracting(ImportError::sheet, ImportError::code)
                .containsExactly(tuple("廉政风险清单", "SHEET_MISSING"));
    }

    @Test
    void theEmptyTemplateIsReportedNoItems() {
        assertThat(errors(Sheets.template())).extracting(ImportError::code).containsExactly("NO_ITEMS");
    }

    @Test
    void errorsOfSeveralSheetsComeInListOrderThenByRowAndEveryOneIsListed() {
        List<ImportError> errors = errors(Sheets.filled()
                .row("廉政风险清单", 3, null, "描述", null, null, "低")
                .row("主体责任清单", 5, "规定", "内容")
                .row("主体责任清单", 4, null, "内容"));

        assertThat(errors)
                .extracting(ImportError::sheet, ImportError::row, ImportError::code)
                .containsExactly(
                        tuple("主体责任清单", 4, "REQUIRED"),
                        tuple("主体责任清单", 5, "NOT_A_CHOICE"),
                        tuple("廉政风险清单", 3, "REQUIRED"));
    }

    @Test
    void aFileThatIsNoWorkbookIsRefusedNotAWorkbook() throws Exception {
        var file = Files.createTempFile("not-", ".xlsx");
        Files.writeString(file, "序号,问题\n1,招投标\n");

        assertThatThrownBy(() -> ListWorkbookReader.read(file))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("NOT_A_WORKBOOK"));
    }

    @Test
    void theSameListsSavedAgainAreTheSameImportAndAChangedCellIsAnother() {
        String first = ListWorkbookReader.read(Sheets.filled().file()).importId();
        String again = ListWorkbookReader.read(
                        Sheets.of(Sheets.filled().bytes()).file())
                .importId();
        String changed = ListWorkbookReader.read(
                        Sheets.filled().row("主体责任清单", 3, "自选动作", "开展廉政谈心").file())
                .importId();

        assertThat(again).isEqualTo(first);
        assertThat(changed).isNotEqualTo(first);
    }

    @Test
    void exportedListsImportAsTheSameListsWithoutTheirSources() {
        var duty = new ResponsibilityItem("d1", ResponsibilityKind.REQUIRED, "每年至少两次专题研究党风廉政建设", "tpl-2018");
        var problem = new ProblemItem("p1", "工程建设", "招投标监管不到位\n多次提醒未改", SourceChannel.PETITION_REPORT, null);
        var risk = new RiskItem("k1", "道路运输", "运输许可审批", null, "审批全程留痕", RiskLevel.MEDIUM);
        byte[] exported = ListWorkbookWriter.write(List.of(duty), List.of(problem), List.of(risk));

        ListImport lists = ListWorkbookReader.read(Sheets.of(exported).file());

        assertThat(lists.errors()).isEmpty();
        assertThat(lists.responsibilities())
                .containsExactly(new ListImport.Responsibility(2, duty.kind(), duty.text()));
        assertThat(lists.problems())
                .containsExactly(new ListImport.Problem(
                        2, problem.aspect(), problem.description(), problem.sourceChannel(), null, null));
        assertThat(lists.risks())
                .containsExactly(new ListImport.Risk(
                        2, risk.businessArea(), risk.description(), null, risk.preventionExpectations(), risk.level()));
    }

    private static List<ImportError> errors(Sheets sheets) {
        ListImport lists = ListWorkbookReader.read(sheets.file());
        assertThat(lists.valid())
                .as("nothing to import from a file with errors")
                .isFalse();
        return lists.errors();
    }
}
