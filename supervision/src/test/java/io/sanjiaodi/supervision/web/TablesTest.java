package io.sanjiaodi.supervision.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.supervision.testing.Csv;
import io.sanjiaodi.supervision.testing.Xlsx;
import io.sanjiaodi.supervision.testing.Xlsx.Value;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a cell leaves in a file: quoted where CSV needs it, never as a formula a spreadsheet would run. */
class TablesTest {

    @Test
    void csvIsUtf8WithAByteOrderMarkAndCrlfAfterEveryRecord() {
        byte[] csv = Tables.csv(rows(List.of("单位 unit", "年度 year"), List.of("余姚市人民医院", 2019)));

        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFF单位 unit,年度 year\r\n余姚市人民医院,2019\r\n");
    }

    @Test
    void aCsvCellWithACommaAQuoteOrALineBreakIsQuotedAndItsQuotesDoubled() {
        List<?> cells = List.of("a,b", "他说\"整改\"", "第一行\n第二行", "回车\r之后", "plain", "\"quoted at the start\"");

        byte[] csv = Tables.csv(rows(cells));

        assertThat(new String(csv, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF\"a,b\",\"他说\"\"整改\"\"\",\"第一行\n第二行\",\"回车\r之后\",plain,"
                        + "\"\"\"quoted at the start\"\"\"\r\n");
        assertThat(Csv.parse(csv))
                .containsExactly(cells.stream().map(String::valueOf).toList());
    }

    @Test
    void aCsvTextCellThatASpreadsheetWouldTakeForAFormulaIsNeutralisedWithALeadingQuote() {
        List<?> cells = List.of(
                "=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "=1,2", "a=b", "");

        List<List<String>> read = Csv.parse(Tables.csv(rows(cells)));

        assertThat(read.get(0))
                .containsExactly(
                        "'=HYPERLINK(\"http://evil\",\"x\")",
                        "'+1+1",
                        "'-2+3",
                        "'@SUM(A1)",
                        "'\t=1+1",
                        "'\r=1+1",
                        "'=1,2",
                        "a=b",
                        "");
    }

    @Test
    void aCsvNumberIsWrittenAsTheNumberItIsEvenWhenNegativeAndAnEmptyCellAsNothing() {
        List<?> cells = Arrays.asList(-12L, 0, 3.5, null, LocalDate.of(2019, 3, 25), true);

        assertThat(Csv.parse(Tables.csv(rows(cells))).get(0))
                .containsExactly("-12", "0", "3.5", "", "2019-03-25", "true");
    }

    @Test
    void anExcelCellKeepsNumbersAsNumbersAndTextAsTextWithFormulaTextNeutralised() throws Exception {
        List<?> cells = Arrays.asList("=1+1", "-x", -12L, 2019, null, "余姚", LocalDate.of(2019, 3, 25), false);

        byte[] xlsx = Tables.xlsx("overdue", rows(List.of("h1", "h2"), cells));

        assertThat(Xlsx.sheetName(xlsx)).isEqualTo("overdue");
        List<List<Value>> read = Xlsx.cells(xlsx);
        assertThat(read.get(0)).containsExactly(Value.text("h1"), Value.text("h2"));
        assertThat(read.get(1))
                .containsExactly(
                        Value.text("'=1+1"),
                        Value.text("'-x"),
                        Value.number(-12),
                        Value.number(2019),
                        Value.text(""),
                        Value.text("余姚"),
                        Value.text("2019-03-25"),
                        Value.text("false"));
    }

    @ParameterizedTest(name = "a cell starting with {0} is neutralised in CSV and in XLSX")
    @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
    void everyCharacterThatStartsAFormulaIsNeutralisedInBothFormats(String start) throws Exception {
        String cell = start + "cmd|' /C calc'!A0";

        assertThat(Csv.parse(Tables.csv(rows(List.of(cell)))).get(0)).containsExactly("'" + cell);
        assertThat(Xlsx.cells(Tables.xlsx("t", rows(List.of(cell)))).get(0)).containsExactly(Value.text("'" + cell));
    }

    private static List<List<Object>> rows(List<?>... rows) {
        return Arrays.stream(rows)
                .map(row -> (List<Object>) new ArrayList<Object>(row))
                .toList();
    }
}
