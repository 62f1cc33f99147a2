package io.sanjiaodi.supervision.web;

import io.sanjiaodi.supervision.projection.LedgerRecord;
import io.sanjiaodi.supervision.projection.LedgerRecord.TaskRecord;
import io.sanjiaodi.supervision.query.SupervisionViews.EvaluationRow;
import io.sanjiaodi.supervision.query.SupervisionViews.TaskWarning;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Rows with a bilingual header line, written as CSV (UTF-8 with BOM, for Excel) or XLSX. */
final class Tables {

    private Tables() {}

    static List<List<Object>> ledgers(List<LedgerRecord> ledgers) {
        List<List<Object>> rows = header(
                "台账 ledger",
                "单位 unit",
                "辖区 jurisdiction",
                "年度 year",
                "任务 task",
                "类别 kind",
                "内容 text",
                "责任领导 leader",
                "责任部门 department",
                "整改时限 deadline",
                "状态 status",
                "逾期 overdue",
                "销号日期 verified on");
        for (LedgerRecord l : ledgers) {
            for (TaskRecord t : l.tasks) {
                rows.add(Arrays.asList(
                        l.ledgerId,
                        l.unitName,
                        l.jurisdictionId,
                        l.year,
                        t.taskId,
                        t.kind,
                        t.text,
                        t.responsibleLeader,
                        t.responsibleDepartment,
                        t.deadline,
                        t.status,
                        t.overdue,
                        t.verifiedOn));
            }
        }
        return rows;
    }

    static List<List<Object>> warnings(List<TaskWarning> warnings) {
        List<List<Object>> rows = header(
                "预警 level",
                "单位 unit",
                "辖区 jurisdiction",
                "任务 task",
                "内容 text",
                "责任领导 leader",
                "责任部门 department",
                "整改时限 deadline",
                "剩余天数 days left");
        for (TaskWarning w : warnings) {
            rows.add(Arrays.asList(
                    w.level(),
                    w.unitName(),
                    w.jurisdictionId(),
                    w.taskId(),
                    w.text(),
                    w.responsibleLeader(),
                    w.responsibleDepartment(),
                    w.deadline(),
                    w.daysLeft()));
        }
        return rows;
    }

    static List<List<Object>> evaluation(List<EvaluationRow> table) {
        List<List<Object>> rows = header(
                "单位 unit",
                "辖区 jurisdiction",
                "年度 year",
                "任务数 tasks",
                "已销号 verified",
                "逾期 overdue",
                "未整改 not rectified",
                "制度 regulations",
                "书面报告按时 report on time",
                "问责 accountability",
                "销号率 closure rate",
                "得分 score",
                "逾期任务 overdue tasks");
        for (EvaluationRow r : table) {
            rows.add(Arrays.asList(
                    r.unitName(),
                    r.jurisdictionId(),
                    r.year(),
                    r.tasks(),
                    r.verified(),
                    r.overdue(),
                    r.notRectified(),
                    r.regulations(),
                    r.writtenReportOnTime(),
                    r.accountabilityCases(),
                    Math.round(r.closureRate() * 1000) / 10.0 + "%",
                    r.score(),
                    String.join(" ", r.overdueTaskIds())));
        }
        return rows;
    }

    static byte[] csv(List<List<Object>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                out.append(i == 0 ? "" : ",").append(escape(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(String name, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(name);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(value == null ? "" : safe(value.toString()));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A text cell starting with =, +, - or @ (or a tab or carriage return, which some spreadsheets
     * skip before reading one of those) would be a formula in a spreadsheet: prefix it with a quote.
     */
    private static String safe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /**
     * A number is written as it is: -3 days left is a number, not a formula. Text is made safe, then
     * quoted if it holds a comma, a quote or a line break (CR or LF: either ends a record unquoted).
     */
    private static String escape(Object value) {
        String text = value == null ? "" : value instanceof Number ? value.toString() : safe(value.toString());
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }

    private static List<List<Object>> header(Object... names) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(names));
        return rows;
    }
}
