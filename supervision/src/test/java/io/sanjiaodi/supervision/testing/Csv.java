package io.sanjiaodi.supervision.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads CSV as RFC 4180 says a spreadsheet does: quoted cells may hold commas, quotes and line breaks. */
public final class Csv {

    private Csv() {}

    /** The rows of a UTF-8 file with a byte-order mark, records ending in CRLF. */
    public static List<List<String>> parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.startsWith("\uFEFF")) {
            throw new AssertionError("no UTF-8 byte-order mark: Excel would not read the file as UTF-8");
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (c == '\r' || c == '\n' || c == '"') {
                throw new AssertionError("unquoted " + (int) c + " in a cell at " + i + ": " + text);
            } else {
                cell.append(c);
            }
        }
        if (quoted || !cell.isEmpty() || !row.isEmpty()) {
            throw new AssertionError("the last record does not end in CRLF: " + text);
        }
        return rows;
    }
}
