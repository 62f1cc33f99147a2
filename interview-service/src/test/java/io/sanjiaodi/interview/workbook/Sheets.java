package io.sanjiaodi.interview.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test files: the template (or any workbook) with cells set as a clerk would type them. */
public final class Sheets {

    private final XSSFWorkbook workbook;

    private Sheets(XSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    public static Sheets template() {
        return of(ListWorkbookWriter.template());
    }

    public static Sheets of(byte[] xlsx) {
        try {
            return new Sheets(new XSSFWorkbook(new ByteArrayInputStream(xlsx)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the cells of Excel row {@code row} (1 = the header) of {@code sheet}, from column A on; null leaves a cell empty. */
    public Sheets row(String sheet, int row, String... values) {
        Row r = workbook.getSheet(sheet).getRow(row - 1);
        if (r == null) {
            r = workbook.getSheet(sheet).createRow(row - 1);
        }
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                r.createCell(c).setCellValue(values[c]);
            }
        }
        return this;
    }

    Sheets removeSheet(String sheet) {
        workbook.removeSheetAt(workbook.getSheetIndex(sheet));
        return this;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file() {
        try {
            Path file = Files.createTempFile("lists-", ".xlsx");
            file.toFile().deleteOnExit();
            Files.write(file, bytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scenario-like rows on all three sheets. */
    public static Sheets filled() {
        return template()
                .row("主体责任清单", 2, "规定动作", "每年至少两次专题研究党风廉政建设")
                .row("主体责任清单", 3, "自选动作", "开展廉政家访")
                .row("问题清单", 2, "工程建设", "招投标监管不到位", "信访举报", "实名举报人：某某", "信访件 2018-117")
                .row("问题清单", 3, "制度建设", "财务报销制度执行不严", "巡视巡察")
                .row("廉政风险清单", 2, "道路运输", "运输许可审批存在廉政风险", "某地运管所受贿案", "审批全程留痕", "高");
    }
}
