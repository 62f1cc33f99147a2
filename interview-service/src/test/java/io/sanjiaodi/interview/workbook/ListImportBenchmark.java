package io.sanjiaodi.interview.workbook;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Not a test and not run by CI: prints the figures of docs/benchmarks.md ("List import"): how long
 * the import's read and check of an N-row file takes (the preview; a confirmation repeats it), next
 * to loading the same file as a whole workbook with POI's user model, which the import avoids.
 * Run: see interview-service/README.md ("Benchmark"). Argument: rows (default 5,000).
 */
public final class ListImportBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Path file = Files.createTempFile("list-import-bench-", ".xlsx");
        write(file, rows);
        System.out.printf(
                "JVM %s, %d cores, max heap %d MB; file of %,d rows (three sheets): %,d bytes%n",
                System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                rows,
                Files.size(file));
        for (int round = 1; round <= 5; round++) {
            long t0 = System.nanoTime();
            ListImport lists = ListWorkbookReader.read(file);
            long read = System.nanoTime() - t0;
            t0 = System.nanoTime();
            try (XSSFWorkbook whole = new XSSFWorkbook(file.toFile())) {
                if (whole.getNumberOfSheets() < 3) {
                    throw new IllegalStateException("not the file written");
                }
            }
            long usermodel = System.nanoTime() - t0;
            System.out.printf(
                    "round %d: import read+check %,d ms (%,.0f rows/s, %d items, %d errors); POI user model load %,d ms%n",
                    round,
                    read / 1_000_000,
                    rows / (read / 1e9),
                    lists.items(),
                    lists.errors().size(),
                    usermodel / 1_000_000);
        }
        Files.delete(file);
    }

    /** {@code rows} valid rows over the three sheets, each distinct, in the template's format. */
    private static void write(Path file, int rows) throws Exception {
        try (XSSFWorkbook template = new XSSFWorkbook(new java.io.ByteArrayInputStream(ListWorkbookWriter.template()));
                SXSSFWorkbook workbook = new SXSSFWorkbook(template, 100);
                OutputStream out = Files.newOutputStream(file)) {
            SXSSFSheet duties = workbook.getSheet("主体责任清单");
            SXSSFSheet problems = workbook.getSheet("问题清单");
            SXSSFSheet risks = workbook.getSheet("廉政风险清单");
            for (int i = 0; i < rows; i++) {
                int row = i / 3 + 1;
                switch (i % 3) {
                    case 0 -> cells(duties.createRow(row), "自选动作", "第" + i + "项职责：每季度研究一次党风廉政建设");
                    case 1 -> cells(problems.createRow(row), "工程建设", "第" + i + "个问题：招投标监管不到位", "巡视巡察", "", "");
                    default -> cells(risks.createRow(row), "采购", "第" + i + "项风险：食材采购", "某地受贿案", "全程留痕", "中");
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static void cells(org.apache.poi.ss.usermodel.Row row, String... values) {
        for (int c = 0; c < values.length; c++) {
            if (!values[c].isEmpty()) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
    }
}
