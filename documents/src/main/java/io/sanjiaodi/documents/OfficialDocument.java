package io.sanjiaodi.documents;

import java.util.List;

/**
 * A document as both renderers draw it: a title, its blocks in order, and where it came from. The
 * services build one from their frozen state; {@link PdfRenderer} and {@link DocxRenderer} draw the
 * same content, so the Word file for editing says what the PDF says.
 */
public record OfficialDocument(String title, String subtitle, List<Block> blocks, Provenance provenance) {

    public OfficialDocument {
        blocks = List.copyOf(blocks);
    }

    /** Every text the document shows, in reading order (what a reader of either format must find). */
    public List<String> texts() {
        List<String> out = new java.util.ArrayList<>();
        out.add(title);
        if (subtitle != null) {
            out.add(subtitle);
        }
        blocks.forEach(b -> out.addAll(b.texts()));
        out.addAll(provenance.lines());
        return out;
    }

    /** One part of a document. */
    public sealed interface Block {
        List<String> texts();
    }

    /** A section heading. */
    public record Heading(String text) implements Block {
        public List<String> texts() {
            return List.of(text);
        }
    }

    /** Running text; a line break in {@code text} starts a new line. */
    public record Paragraph(String text) implements Block {
        public List<String> texts() {
            return List.of(text);
        }
    }

    /** A form: label and value side by side, as in a 登记表. */
    public record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }

        public List<String> texts() {
            return fields.stream()
                    .flatMap(f -> java.util.stream.Stream.of(f.label(), f.value()))
                    .toList();
        }
    }

    public record Field(String label, String value) {
        public Field {
            value = value == null || value.isBlank() ? "—" : value;
        }
    }

    /** A table; {@code widths} are relative column widths, one per header. */
    public record Table(List<String> headers, List<Integer> widths, List<List<String>> rows) implements Block {
        public Table {
            headers = List.copyOf(headers);
            widths = List.copyOf(widths);
            if (widths.size() != headers.size()) {
                throw new IllegalArgumentException("one width per column");
            }
            rows = rows.stream()
                    .map(r -> r.stream()
                            .map(c -> c == null || c.isBlank() ? "—" : c)
                            .toList())
                    .toList();
        }

        public List<String> texts() {
            List<String> out = new java.util.ArrayList<>(headers);
            rows.forEach(out::addAll);
            return out;
        }
    }

    /** The signatures on record: who signed in which role, and when (never a drawn signature). */
    public record Signatures(List<SignatureLine> lines) implements Block {
        public Signatures {
            lines = List.copyOf(lines);
        }

        public List<String> texts() {
            return lines.stream()
                    .flatMap(l -> java.util.stream.Stream.of(l.role(), l.signedBy(), l.signedAt()))
                    .toList();
        }
    }

    public record SignatureLine(String role, String signedBy, String signedAt) {
        public SignatureLine {
            signedBy = signedBy == null || signedBy.isBlank() ? "（未签署）" : signedBy;
            signedAt = signedAt == null ? "" : signedAt;
        }
    }
}
