package io.sanjiaodi.supervision.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** An Excel file's one sheet, read cell by cell with Apache POI: strings as text, numbers as numbers. */
public final class Xlsx {

    /** A cell as read: its type and value. */
    public record Value(CellType type, Object value) {
        public static Value text(String text) {
            return new Value(CellType.STRING, text);
        }

        public static Value number(double number) {
            return new Value(CellType.NUMERIC, number);
        }
    }

    private Xlsx() {}

    public static String sheetName(byte[] bytes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() != 1) {
                throw new AssertionError("expected one sheet, found " + workbook.getNumberOfSheets());
            }
            return workbook.getSheetName(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<List<Value>> cells(byte[] bytes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<Value>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<Value> values = new ArrayList<>();
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    values.add(value(row.getCell(c)));
                }
                rows.add(values);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of every cell, numbers written as Java writes a double. */
    public static List<List<String>> texts(byte[] bytes) {
        return cells(bytes).stream()
                .map(row -> row.stream().map(v -> String.valueOf(v.value())).toList())
                .toList();
    }

    private static Value value(Cell cell) {
        if (cell == null) {
            return new Value(CellType.BLANK, null);
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> Value.number(cell.getNumericCellValue());
            case STRING -> Value.text(cell.getStringCellValue());
            case BOOLEAN -> new Value(CellType.BOOLEAN, cell.getBooleanCellValue());
            case FORMULA -> new Value(CellType.FORMULA, cell.getCellFormula());
            default -> new Value(cell.getCellType(), null);
        };
    }
}
