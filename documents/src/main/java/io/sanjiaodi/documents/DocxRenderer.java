package io.sanjiaodi.documents;

import io.sanjiaodi.documents.OfficialDocument.Block;
import io.sanjiaodi.documents.OfficialDocument.Field;
import io.sanjiaodi.documents.OfficialDocument.Fields;
import io.sanjiaodi.documents.OfficialDocument.Heading;
import io.sanjiaodi.documents.OfficialDocument.Paragraph;
import io.sanjiaodi.documents.OfficialDocument.SignatureLine;
import io.sanjiaodi.documents.OfficialDocument.Signatures;
import io.sanjiaodi.documents.OfficialDocument.Table;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The same {@link OfficialDocument} as a Word file for the office to edit: the text in 宋体 (the
 * font every Chinese office has; the file embeds none), tables for forms and lists, the QR code as
 * a picture and the provenance in the footer. Editing it makes a new document: only the PDF
 * produced by the system carries its verification reference as issued.
 */
public final class DocxRenderer {

    private static final String FONT = "宋体";

    public byte[] render(OfficialDocument document) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(document.title());
            doc.getProperties().getCoreProperties().setCreator("三交底廉政谈话监督平台");
            paragraph(doc, document.title(), 18, true, ParagraphAlignment.CENTER);
            if (document.subtitle() != null) {
                paragraph(doc, document.subtitle(), 10.5, false, ParagraphAlignment.CENTER);
            }
            for (Block block : document.blocks()) {
                draw(doc, block);
            }
            verification(doc, document.provenance());
            XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
            run(footer.createParagraph(), document.provenance().footer(), 7.5, false);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void draw(XWPFDocument doc, Block block) {
        if (block instanceof Heading h) {
            paragraph(doc, h.text(), 13, true, ParagraphAlignment.LEFT);
        } else if (block instanceof Paragraph p) {
            paragraph(doc, p.text(), 10.5, false, ParagraphAlignment.BOTH);
        } else if (block instanceof Fields f) {
            List<List<String>> rows = new ArrayList<>();
            for (Field field : f.fields()) {
                rows.add(List.of(field.label(), field.value()));
            }
            table(doc, null, rows, new int[] {20, 80});
        } else if (block instanceof Table t) {
            table(
                    doc,
                    t.headers(),
                    t.rows(),
                    t.widths().stream().mapToInt(Integer::intValue).toArray());
        } else if (block instanceof Signatures s) {
            List<List<String>> rows = new ArrayList<>();
            for (SignatureLine line : s.lines()) {
                rows.add(List.of(line.role(), line.signedBy(), line.signedAt()));
            }
            table(doc, List.of("签署事项", "签署人", "签署时间"), rows, new int[] {34, 33, 33});
        }
    }

    private static void table(XWPFDocument doc, List<String> headers, List<List<String>> rows, int[] widths) {
        int columns = widths.length;
        XWPFTable table = doc.createTable(rows.size() + (headers == null ? 0 : 1), columns);
        table.setWidth("100%");
        table.setWidthType(TableWidthType.PCT);
        int r = 0;
        if (headers != null) {
            fill(table.getRow(r++), headers, widths, true);
            table.getRow(0).setRepeatHeader(true);
        }
        for (List<String> row : rows) {
            fill(table.getRow(r++), row, widths, false);
        }
        doc.createParagraph();
    }

    private static void fill(XWPFTableRow row, List<String> cells, int[] widths, boolean header) {
        int total = java.util.Arrays.stream(widths).sum();
        for (int c = 0; c < widths.length; c++) {
            var cell = row.getCell(c);
            cell.setWidth(Math.round(widths[c] * 100f / total) + "%");
            if (header) {
                cell.setColor("EBEBEB");
            }
            run(cell.getParagraphs().get(0), c < cells.size() ? cells.get(c) : "", 10.5, header);
        }
    }

    private static void verification(XWPFDocument doc, Provenance provenance)
            throws IOException, InvalidFormatException {
        paragraph(doc, "核验信息", 13, true, ParagraphAlignment.LEFT);
        if (provenance.verificationUrl() != null) {
            XWPFRun picture = doc.createParagraph().createRun();
            byte[] png = QrCode.of(provenance.verificationUrl()).png(4);
            picture.addPicture(
                    new ByteArrayInputStream(png),
                    Document.PICTURE_TYPE_PNG,
                    "verification.png",
                    Units.toEMU(80),
                    Units.toEMU(80));
        }
        for (String line : provenance.lines()) {
            paragraph(doc, line, 9, false, ParagraphAlignment.LEFT);
        }
    }

    private static void paragraph(XWPFDocument doc, String text, double size, boolean bold, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        run(p, text, size, bold);
    }

    /** A run per line, with breaks between: Word shows a line break in {@code text} as one. */
    private static void run(XWPFParagraph p, String text, double size, boolean bold) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun run = p.createRun();
            run.setFontFamily(FONT);
            run.setFontFamily(FONT, XWPFRun.FontCharRange.eastAsia);
            run.setFontSize(size);
            run.setBold(bold);
            run.setText(lines[i]);
            if (i < lines.length - 1) {
                run.addBreak();
            }
        }
    }
}
