package io.sanjiaodi.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A4 pages and a cursor down them: text measured and wrapped in the embedded font, a new page when
 * the cursor reaches the bottom margin, and the footers drawn last, when the page count is known.
 * Lines break between any two CJK characters, between Latin words when a word would be cut, and
 * never before a closing punctuation mark (it hangs into the margin instead, as in 标点悬挂).
 */
final class PdfPages implements AutoCloseable {

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 56;
    static final float TOP = HEIGHT - 60;
    static final float BOTTOM = 64;
    static final float CONTENT = WIDTH - 2 * MARGIN;

    private static final String NO_LINE_START = "，。、；：？！）」』》〉】”’,.;:?!)%";
    private static final int MISSING = '□';

    private final PDDocument doc;
    private final PDType0Font font;
    private final DocumentFont source;
    private final Map<Integer, Float> widths = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream stream;
    float y;

    PdfPages(PDDocument doc, DocumentFont source) throws IOException {
        this.doc = doc;
        this.source = source;
        this.font = PDType0Font.load(doc, source.font(), true);
        newPage();
    }

    PDPageContentStream stream() {
        return stream;
    }

    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        pages.add(page);
        stream = new PDPageContentStream(doc, page);
        y = TOP;
    }

    /** Moves down by {@code height}, first to a new page when less than that is left. */
    void need(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    float room() {
        return y - BOTTOM;
    }

    /** The text with characters the font cannot draw replaced, and control characters dropped. */
    String drawable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(cp)) {
                out.appendCodePoint(source.draws(cp) ? cp : (source.draws(MISSING) ? MISSING : '?'));
            }
        });
        return out.toString();
    }

    float width(String text, float size) throws IOException {
        float total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            total += charWidth(cp);
            i += Character.charCount(cp);
        }
        return total * size / 1000;
    }

    private float charWidth(int cp) throws IOException {
        Float known = widths.get(cp);
        if (known == null) {
            known = font.getStringWidth(new String(Character.toChars(cp)));
            widths.put(cp, known);
        }
        return known;
    }

    /** The lines {@code text} takes at {@code size} in {@code width} points. */
    List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : drawable(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                float w = charWidth(cp) * size / 1000;
                boolean hangs = NO_LINE_START.indexOf(cp) >= 0;
                if (used + w > width && !line.isEmpty() && !hangs) {
                    int space = wordBreak(line, cp);
                    String carried = space < 0 ? "" : line.substring(space + 1);
                    lines.add(space < 0 ? line.toString() : line.substring(0, space));
                    line.setLength(0);
                    line.append(carried);
                    used = width(carried, size);
                }
                line.appendCodePoint(cp);
                used += w;
                i += Character.charCount(cp);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Where to break a Latin word that {@code next} continues: the last space, or -1 to cut here. */
    private static int wordBreak(CharSequence line, int next) {
        if (!latin(next) || !latin(line.charAt(line.length() - 1))) {
            return -1;
        }
        for (int i = line.length() - 1; i >= 0 && line.length() - i < 40; i--) {
            char c = line.charAt(i);
            if (c == ' ') {
                return i;
            }
            if (!latin(c)) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean latin(int cp) {
        return cp < 0x2E80 && Character.isLetterOrDigit(cp);
    }

    void text(String text, float x, float baseline, float size) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(text);
        stream.endText();
    }

    void box(float x, float top, float width, float height, float gray) throws IOException {
        if (gray < 1) {
            stream.setNonStrokingColor(gray, gray, gray);
            stream.addRect(x, top - height, width, height);
            stream.fill();
            stream.setNonStrokingColor(0f, 0f, 0f);
        }
        stream.setLineWidth(0.6f);
        stream.addRect(x, top - height, width, height);
        stream.stroke();
    }

    /** Draws "footer · 第 i / n 页" at the foot of every page. */
    void footers(String footer) throws IOException {
        stream.close();
        stream = null;
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream foot = new PDPageContentStream(doc, pages.get(i), AppendMode.APPEND, true)) {
                stream = foot;
                String page = "第 " + (i + 1) + " / " + pages.size() + " 页";
                List<String> lines = wrap(footer, 7.5f, CONTENT - width(page, 7.5f) - 12);
                text(lines.get(0), MARGIN, 36, 7.5f);
                if (lines.size() > 1) {
                    text(lines.get(1), MARGIN, 27, 7.5f);
                }
                text(page, WIDTH - MARGIN - width(page, 7.5f), 36, 7.5f);
                foot.setLineWidth(0.4f);
                foot.moveTo(MARGIN, 46);
                foot.lineTo(WIDTH - MARGIN, 46);
                foot.stroke();
            }
        }
        stream = null;
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
