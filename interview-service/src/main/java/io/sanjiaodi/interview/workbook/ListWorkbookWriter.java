package io.sanjiaodi.interview.workbook;

import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.interview.workbook.ListSheets.Column;
import io.sanjiaodi.interview.workbook.ListSheets.Sheet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The three lists as a workbook in the import's format; with no items it is the import template.
 * Each choice column offers its values as a drop-down and each text column refuses text past its
 * limit, so Excel catches most mistakes before the upload does. Confidential sources are never
 * written: a spreadsheet travels (mail, USB sticks) where a whistle-blower's name must not.
 */
public final class ListWorkbookWriter {

    /** Rows of the template the drop-downs and length checks cover, beyond the items written. */
    static final int ROWS_OFFERED = 500;

    private ListWorkbookWriter() {}

    public static byte[] template() {
        return write(List.of(), List.of(), List.of());
    }

    public static byte[] write(
            List<ResponsibilityItem> responsibilities, List<ProblemItem> problems, List<RiskItem> risks) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = headerStyle(workbook);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            List<List<String>> rows = new ArrayList<>();
            responsibilities.forEach(i -> rows.add(List.of(ListSheets.label(ListSheets.KINDS, i.kind()), i.text())));
            sheet(workbook, Sheet.RESPONSIBILITIES, rows, header, wrapped);
            rows.clear();
            problems.forEach(i -> rows.add(List.of(
                    i.aspect(), i.description(), ListSheets.label(ListSheets.CHANNELS, i.sourceChannel()), "", "")));
            sheet(workbook, Sheet.PROBLEMS, rows, header, wrapped);
            rows.clear();
            risks.forEach(i -> rows.add(List.of(
                    i.businessArea(),
                    i.description(),
                    nonNull(i.typicalCases()),
                    nonNull(i.preventionExpectations()),
                    ListSheets.label(ListSheets.LEVELS, i.level()))));
            sheet(workbook, Sheet.RISKS, rows, header, wrapped);
            instructions(workbook, header);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(
            XSSFWorkbook workbook, Sheet kind, List<List<String>> rows, CellStyle header, CellStyle wrapped) {
        XSSFSheet sheet = workbook.createSheet(kind.title());
        var top = sheet.createRow(0);
        for (int c = 0; c < kind.columns().size(); c++) {
            Column column = kind.columns().get(c);
            var cell = top.createCell(c);
            cell.setCellValue(column.header());
            cell.setCellStyle(header);
            sheet.setColumnWidth(
                    c, (column.maxLength() > 200 ? 50 : column.choices().isEmpty() ? 24 : 16) * 256);
            validate(sheet, column, c, rows.size() + ROWS_OFFERED);
        }
        sheet.createFreezePane(0, 1);
        for (int r = 0; r < rows.size(); r++) {
            var row = sheet.createRow(r + 1);
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (!rows.get(r).get(c).isEmpty()) {
                    var cell = row.createCell(c);
                    cell.setCellValue(rows.get(r).get(c));
                    cell.setCellStyle(wrapped);
                }
            }
        }
    }

    private static void validate(XSSFSheet sheet, Column column, int c, int lastRow) {
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        DataValidationConstraint constraint = column.choices().isEmpty()
                ? helper.createTextLengthConstraint(
                        OperatorType.LESS_OR_EQUAL, String.valueOf(column.maxLength()), null)
                : helper.createExplicitListConstraint(column.choices().toArray(String[]::new));
        DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(1, lastRow, c, c));
        validation.setShowErrorBox(true);
        validation.createErrorBox(
                column.header(),
                column.choices().isEmpty()
                        ? "不超过 " + column.maxLength() + " 字"
                        : "请从下拉列表中选择：" + String.join("、", column.choices()));
        sheet.addValidationData(validation);
    }

    /** A last sheet that says how to fill in the others; the import ignores it. */
    private static void instructions(XSSFWorkbook workbook, CellStyle header) {
        XSSFSheet sheet = workbook.createSheet("填写说明");
        String[] titles = {"工作表", "列", "是否必填", "最多字数", "可选值"};
        var top = sheet.createRow(0);
        for (int c = 0; c < titles.length; c++) {
            top.createCell(c).setCellValue(titles[c]);
            top.getCell(c).setCellStyle(header);
            sheet.setColumnWidth(c, (c == 4 ? 48 : 18) * 256);
        }
        int r = 1;
        for (Sheet kind : Sheet.values()) {
            for (Column column : kind.columns()) {
                var row = sheet.createRow(r++);
                row.createCell(0).setCellValue(kind.title());
                row.createCell(1).setCellValue(column.header());
                row.createCell(2).setCellValue(column.required() ? "必填" : "选填");
                row.createCell(3).setCellValue(column.choices().isEmpty() ? String.valueOf(column.maxLength()) : "");
                row.createCell(4).setCellValue(String.join("、", column.choices()));
            }
        }
        sheet.createRow(r + 1)
                .createCell(0)
                .setCellValue("第 1 行为表头，请勿修改；每行一项，空行忽略；同一工作表内重复的行不予导入。保密来源仅纪委监委可见，导出的表格不含保密来源。");
    }

    private static CellStyle headerStyle(XSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
