package io.sanjiaodi.documents;

import io.sanjiaodi.documents.OfficialDocument.Block;
import io.sanjiaodi.documents.OfficialDocument.Field;
import io.sanjiaodi.documents.OfficialDocument.Fields;
import io.sanjiaodi.documents.OfficialDocument.Heading;
import io.sanjiaodi.documents.OfficialDocument.Paragraph;
import io.sanjiaodi.documents.OfficialDocument.SignatureLine;
import io.sanjiaodi.documents.OfficialDocument.Signatures;
import io.sanjiaodi.documents.OfficialDocument.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Draws an {@link OfficialDocument} as an A4 PDF with the CJK font embedded as a subset (so the
 * text extracts and prints the same anywhere): the title, the blocks, the verification block with
 * its QR code, and on every page a footer with the provenance and the page number.
 */
public final class PdfRenderer {

    static final float BODY = 10.5f;
    private static final float PAD = 4;

    private final DocumentFont font;

    public PdfRenderer(DocumentFont font) {
        this.font = font;
    }

    public byte[] render(OfficialDocument document) {
        synchronized (font) {
            try (PDDocument doc = new PDDocument();
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                info(doc, document);
                try (PdfPages pages = new PdfPages(doc, font)) {
                    title(pages, document);
                    for (Block block : document.blocks()) {
                        draw(pages, block);
                    }
                    verification(pages, document.provenance());
                    pages.footers(document.provenance().footer());
                }
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void info(PDDocument doc, OfficialDocument document) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(document.title());
        info.setProducer("三交底廉政谈话监督平台");
        info.setSubject(document.provenance().producedFrom());
        Calendar at = GregorianCalendar.from(document.provenance().producedAt().atZone(Provenance.ZONE));
        info.setCreationDate(at);
    }

    private static void title(PdfPages pages, OfficialDocument document) throws IOException {
        centred(pages, document.title(), 18, 30);
        if (document.subtitle() != null) {
            centred(pages, document.subtitle(), 10.5f, 18);
        }
        pages.y -= 8;
    }

    private static void centred(PdfPages pages, String text, float size, float leading) throws IOException {
        for (String line : pages.wrap(text, size, PdfPages.CONTENT)) {
            pages.need(leading);
            pages.y -= leading;
            pages.text(line, (PdfPages.WIDTH - pages.width(line, size)) / 2, pages.y + leading * 0.25f, size);
        }
    }

    private void draw(PdfPages pages, Block block) throws IOException {
        if (block instanceof Heading h) {
            pages.need(48);
            pages.y -= 10;
            lines(pages, pages.wrap(h.text(), 13, PdfPages.CONTENT), 13, PdfPages.MARGIN, 20);
            pages.y -= 2;
        } else if (block instanceof Paragraph p) {
            lines(pages, pages.wrap(p.text(), BODY, PdfPages.CONTENT), BODY, PdfPages.MARGIN, BODY * 1.7f);
            pages.y -= 4;
        } else if (block instanceof Fields f) {
            for (Field field : f.fields()) {
                row(pages, List.of(field.label(), field.value()), new float[] {0.2f, 0.8f}, new float[] {0.92f, 1f});
            }
            pages.y -= 8;
        } else if (block instanceof Table t) {
            table(pages, t);
        } else if (block instanceof Signatures s) {
            float[] widths = {0.34f, 0.33f, 0.33f};
            row(pages, List.of("签署事项", "签署人", "签署时间"), widths, new float[] {0.92f, 0.92f, 0.92f});
            for (SignatureLine line : s.lines()) {
                row(pages, List.of(line.role(), line.signedBy(), line.signedAt()), widths, new float[] {1, 1, 1});
            }
            pages.y -= 8;
        }
    }

    private static void lines(PdfPages pages, List<String> lines, float size, float x, float leading)
            throws IOException {
        for (String line : lines) {
            pages.need(leading);
            pages.y -= leading;
            pages.text(line, x, pages.y + leading * 0.3f, size);
        }
    }

    private static void table(PdfPages pages, Table t) throws IOException {
        int total = t.widths().stream().mapToInt(Integer::intValue).sum();
        float[] widths = new float[t.widths().size()];
        float[] header = new float[widths.length];
        float[] plain = new float[widths.length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = t.widths().get(i) / (float) total;
            header[i] = 0.92f;
            plain[i] = 1;
        }
        pages.need(60);
        PageStart repeatHeader = () -> row(pages, t.headers(), widths, header, null);
        repeatHeader.draw();
        for (List<String> r : t.rows()) {
            row(pages, r, widths, plain, repeatHeader);
        }
        pages.y -= 8;
    }

    /** What a table draws at the top of each new page it continues on: its header row. */
    private interface PageStart {
        void draw() throws IOException;
    }

    private static void row(PdfPages pages, List<String> cells, float[] widths, float[] gray) throws IOException {
        row(pages, cells, widths, gray, null);
    }

    /** One row of bordered cells, split across pages when it does not fit. */
    private static void row(PdfPages pages, List<String> cells, float[] widths, float[] gray, PageStart onNewPage)
            throws IOException {
        float leading = BODY * 1.5f;
        List<List<String>> wrapped = new ArrayList<>();
        int most = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> lines = pages.wrap(cells.get(i), BODY, widths[i] * PdfPages.CONTENT - 2 * PAD);
            wrapped.add(lines);
            most = Math.max(most, lines.size());
        }
        int from = 0;
        while (from < most) {
            int fit = (int) ((pages.room() - 2 * PAD) / leading);
            // a short row moves to the next page whole; a long one is split, two lines at least a part
            int least = from == 0 && most <= 8 ? most : Math.min(2, most - from);
            if (fit < least) {
                pages.newPage();
                if (onNewPage != null) {
                    onNewPage.draw();
                }
                continue;
            }
            int to = Math.min(most, from + fit);
            float height = (to - from) * leading + 2 * PAD;
            float x = PdfPages.MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                float w = widths[i] * PdfPages.CONTENT;
                pages.box(x, pages.y, w, height, gray[i]);
                List<String> lines = wrapped.get(i);
                for (int l = from; l < Math.min(to, lines.size()); l++) {
                    float baseline = pages.y - PAD - (l - from + 1) * leading + leading * 0.3f;
                    pages.text(lines.get(l), x + PAD, baseline, BODY);
                }
                x += w;
            }
            pages.y -= height;
            from = to;
            if (from < most) {
                pages.newPage();
                if (onNewPage != null) {
                    onNewPage.draw();
                }
            }
        }
    }

    private static void verification(PdfPages pages, Provenance provenance) throws IOException {
        float qr = provenance.verificationUrl() == null ? 0 : 92;
        pages.need(Math.max(qr, 60) + 36);
        pages.y -= 12;
        lines(pages, List.of("核验信息"), 13, PdfPages.MARGIN, 20);
        float top = pages.y;
        List<String> lines = new ArrayList<>();
        for (String line : provenance.lines()) {
            lines.addAll(pages.wrap(line, 9, PdfPages.CONTENT - qr - 12));
        }
        lines(pages, lines, 9, PdfPages.MARGIN, 14);
        if (qr > 0) {
            QrCode code = QrCode.of(provenance.verificationUrl());
            float module = qr / code.size();
            float left = PdfPages.WIDTH - PdfPages.MARGIN - qr;
            for (int y = 0; y < code.size(); y++) {
                for (int x = 0; x < code.size(); x++) {
                    if (code.dark(x, y)) {
                        pages.stream().addRect(left + x * module, top - (y + 1) * module, module, module);
                    }
                }
            }
            pages.stream().fill();
            pages.y = Math.min(pages.y, top - qr);
        }
    }
}
