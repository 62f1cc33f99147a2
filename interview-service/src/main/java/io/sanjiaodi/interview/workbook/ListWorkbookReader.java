package io.sanjiaodi.interview.workbook;

import io.sanjiaodi.interview.workbook.ListImport.ImportError;
import io.sanjiaodi.interview.workbook.ListSheets.Column;
import io.sanjiaodi.interview.workbook.ListSheets.Sheet;
import io.sanjiaodi.platform.Refusal;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded .xlsx of the three lists row by row as the sheet's XML streams past (POI's
 * event API: a large file is never held as a workbook in memory) and checks every cell against
 * {@link ListSheets}. Every error is collected, by sheet, row and column, so that the clerk fixes
 * the file once; sheets other than the three (an instructions sheet) are ignored.
 */
public final class ListWorkbookReader {

    /** Rows read per sheet at most; far above a list's limit, so that a runaway file stops early. */
    public static final int MAX_ROWS_PER_SHEET = 10_000;

    /** Errors reported at most: past them the file is clearly not the template filled in. */
    public static final int MAX_ERRORS = 200;

    private ListWorkbookReader() {}

    /** The file's rows, or its errors; refused NOT_A_WORKBOOK when it is no .xlsx at all. */
    public static ListImport read(Path file) {
        SheetRows rows = new SheetRows();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext() && !rows.full()) {
                try (InputStream xml = sheets.next()) {
                    var sheet = Sheet.titled(sheets.getSheetName().strip());
                    if (sheet.isPresent() && rows.seen.add(sheet.get())) {
                        parse(
                                xml,
                                new XSSFSheetXMLHandler(
                                        reader.getStylesTable(),
                                        strings,
                                        rows.of(sheet.get()),
                                        new DataFormatter(),
                                        false));
                    }
                }
            }
        } catch (Refusal refusal) {
            throw refusal;
        } catch (Exception | LinkageError notAWorkbook) {
            throw Refusal.unprocessable(
                    "NOT_A_WORKBOOK",
                    "the file is not an Excel workbook (.xlsx) of the three lists: " + notAWorkbook.getMessage());
        }
        return rows.result();
    }

    private static void parse(InputStream xml, XSSFSheetXMLHandler handler) throws Exception {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(handler);
        try {
            parser.parse(new InputSource(xml));
        } catch (StopSheet enough) {
            // the sheet has said all it may: its error is recorded
        }
    }

    /** Thrown from the row handler to stop reading one sheet. */
    private static final class StopSheet extends RuntimeException {
        StopSheet() {
            super(null, null, false, false);
        }
    }

    /** What has been read so far, over all sheets. */
    private static final class SheetRows {
        final Set<Sheet> seen = EnumSet.noneOf(Sheet.class);
        final Map<Sheet, List<List<String>>> rows = new HashMap<>();
        final Map<Sheet, List<Integer>> rowNumbers = new HashMap<>();
        final List<ImportError> errors = new ArrayList<>();

        boolean full() {
            return errors.size() >= MAX_ERRORS;
        }

        void error(Sheet sheet, Integer row, Integer column, String code, String message) {
            if (full()) {
                return;
            }
            Column c = column == null || column >= sheet.columns().size()
                    ? null
                    : sheet.columns().get(column);
            errors.add(new ImportError(
                    sheet.title(),
                    row,
                    column == null ? null : CellReference.convertNumToColString(column),
                    c == null ? null : c.header(),
                    code,
                    message));
        }

        XSSFSheetXMLHandler.SheetContentsHandler of(Sheet sheet) {
            List<List<String>> values = rows.computeIfAbsent(sheet, s -> new ArrayList<>());
            List<Integer> numbers = rowNumbers.computeIfAbsent(sheet, s -> new ArrayList<>());
            return new XSSFSheetXMLHandler.SheetContentsHandler() {
                final Map<Integer, String> cells = new HashMap<>();
                boolean headerSeen;

                @Override
                public void startRow(int rowNum) {
                    cells.clear();
                    if (rowNum > MAX_ROWS_PER_SHEET) {
                        error(
                                sheet,
                                null,
                                null,
                                "TOO_MANY_ROWS",
                                "a sheet holds at most " + MAX_ROWS_PER_SHEET + " rows");
                        throw new StopSheet();
                    }
                }

                @Override
                public void cell(String reference, String value, XSSFComment comment) {
                    if (reference != null && value != null && !value.isBlank()) {
                        cells.put((int) new CellReference(reference).getCol(), value.strip());
                    }
                }

                @Override
                public void endRow(int rowNum) {
                    if (rowNum == 0) {
                        headerSeen = true;
                        header(sheet, cells);
                    } else if (!cells.isEmpty()) {
                        if (!headerSeen) {
                            header(sheet, Map.of());
                            headerSeen = true;
                        }
                        List<String> row = new ArrayList<>();
                        for (int c = 0; c < sheet.columns().size(); c++) {
                            row.add(cells.get(c));
                        }
                        values.add(row);
                        numbers.add(rowNum + 1);
                    }
                    if (full()) {
                        throw new StopSheet();
                    }
                }
            };
        }

        private void header(Sheet sheet, Map<Integer, String> cells) {
            for (int c = 0; c < sheet.columns().size(); c++) {
                String expected = sheet.columns().get(c).header();
                if (!expected.equals(cells.get(c))) {
                    error(sheet, 1, c, "HEADER_MISMATCH", "row 1 must hold the template's header 「" + expected + "」");
                }
            }
        }

        ListImport result() {
            for (Sheet sheet : Sheet.values()) {
                if (!seen.contains(sheet)) {
                    error(sheet, null, null, "SHEET_MISSING", "the workbook has no sheet 「" + sheet.title() + "」");
                }
            }
            ListImport lists = RowChecks.check(this::error, rows, rowNumbers);
            if (errors.isEmpty() && lists.items() == 0) {
                errors.add(new ImportError(null, null, null, null, "NO_ITEMS", "the three sheets hold no item"));
            }
            if (errors.size() >= MAX_ERRORS) {
                errors.add(new ImportError(
                        null,
                        null,
                        null,
                        null,
                        "TOO_MANY_ERRORS",
                        "more errors than " + MAX_ERRORS + "; not all are listed"));
            }
            List<ImportError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparing((ImportError e) -> order(e.sheet()))
                    .thenComparing(e -> e.row() == null ? 0 : e.row())
                    .thenComparing(e -> e.column() == null ? "" : e.column()));
            return new ListImport(
                    lists.importId(), lists.responsibilities(), lists.problems(), lists.risks(), List.copyOf(sorted));
        }

        private static int order(String title) {
            return title == null
                    ? Integer.MAX_VALUE
                    : Sheet.titled(title).map(Enum::ordinal).orElse(0);
        }
    }
}
