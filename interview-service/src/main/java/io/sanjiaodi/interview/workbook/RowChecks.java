package io.sanjiaodi.interview.workbook;

import io.sanjiaodi.interview.workbook.ListImport.Problem;
import io.sanjiaodi.interview.workbook.ListImport.Responsibility;
import io.sanjiaodi.interview.workbook.ListImport.Risk;
import io.sanjiaodi.interview.workbook.ListSheets.Column;
import io.sanjiaodi.interview.workbook.ListSheets.Sheet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The rules of one row, cell by cell (required, one of the choices, not too long) and against the
 * rows before it (no duplicate); rows that pass become list items. Also the import's id: a SHA-256
 * over every sheet's rows, so the same lists give the same id however the file was saved.
 */
final class RowChecks {

    /** Where the errors go: sheet, Excel row number, column index (null: the whole row), code, message. */
    interface Errors {
        void error(Sheet sheet, Integer row, Integer column, String code, String message);
    }

    private RowChecks() {}

    static ListImport check(Errors errors, Map<Sheet, List<List<String>>> rows, Map<Sheet, List<Integer>> numbers) {
        MessageDigest digest = sha256();
        List<Responsibility> responsibilities = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Risk> risks = new ArrayList<>();
        for (Sheet sheet : Sheet.values()) {
            List<List<String>> values = rows.getOrDefault(sheet, List.of());
            Map<List<String>, Integer> firstSeen = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                List<String> row = values.get(i);
                int number = numbers.get(sheet).get(i);
                boolean ok = cellsPass(errors, sheet, number, row);
                Integer first = firstSeen.putIfAbsent(row, number);
                if (first != null) {
                    errors.error(sheet, number, null, "DUPLICATE_ROW", "the same as row " + first);
                    ok = false;
                }
                digest(digest, sheet, row);
                if (ok) {
                    switch (sheet) {
                        case RESPONSIBILITIES ->
                            responsibilities.add(
                                    new Responsibility(number, ListSheets.KINDS.get(row.get(0)), row.get(1)));
                        case PROBLEMS ->
                            problems.add(new Problem(
                                    number,
                                    row.get(0),
                                    row.get(1),
                                    ListSheets.CHANNELS.get(row.get(2)),
                                    row.get(3),
                                    row.get(4)));
                        case RISKS ->
                            risks.add(new Risk(
                                    number,
                                    row.get(0),
                                    row.get(1),
                                    row.get(2),
                                    row.get(3),
                                    ListSheets.LEVELS.get(row.get(4))));
                    }
                }
            }
        }
        String importId = HexFormat.of().formatHex(digest.digest());
        return new ListImport(
                importId, List.copyOf(responsibilities), List.copyOf(problems), List.copyOf(risks), List.of());
    }

    private static boolean cellsPass(Errors errors, Sheet sheet, int number, List<String> row) {
        boolean ok = true;
        for (int c = 0; c < sheet.columns().size(); c++) {
            Column column = sheet.columns().get(c);
            String value = row.get(c);
            if (value == null) {
                if (column.required()) {
                    errors.error(sheet, number, c, "REQUIRED", "「" + column.header() + "」 must be filled in");
                    ok = false;
                }
            } else if (!column.choices().isEmpty() && !column.choices().contains(value)) {
                errors.error(
                        sheet,
                        number,
                        c,
                        "NOT_A_CHOICE",
                        "「" + value + "」 is not one of " + String.join("、", column.choices()));
                ok = false;
            } else if (value.length() > column.maxLength()) {
                errors.error(
                        sheet,
                        number,
                        c,
                        "TOO_LONG",
                        value.length() + " characters; 「" + column.header() + "」 takes at most " + column.maxLength());
                ok = false;
            }
        }
        return ok;
    }

    /** Each value length-prefixed, so that no two different rows digest alike. */
    private static void digest(MessageDigest digest, Sheet sheet, List<String> row) {
        digest.update((byte) sheet.ordinal());
        for (String value : row) {
            byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
            digest.update((byte) (value == null ? 0 : 1));
            digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
            digest.update(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
