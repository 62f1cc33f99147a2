package io.sanjiaodi.documents;

import io.sanjiaodi.platform.Refusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The CJK font the PDFs embed (as a subset): a TrueType font from the machine's packages, never
 * downloaded at run time. Debian's {@code fonts-wqy-zenhei} by default (README: what to install);
 * {@code sanjiaodi.documents.font-file} names another. PDFBox embeds only TrueType outlines, so the
 * OpenType/CFF Noto CJK files are not candidates. Loaded once and shared: renders that use it hold
 * its lock, because a FontBox font reads its file through one cursor.
 */
public final class DocumentFont implements AutoCloseable {

    /** Where Debian and most distributions put TrueType CJK fonts, best first. */
    static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

    private final Path file;
    private final TrueTypeFont font;
    private final TrueTypeCollection collection;

    private DocumentFont(Path file, TrueTypeFont font, TrueTypeCollection collection) {
        this.file = file;
        this.font = font;
        this.collection = collection;
    }

    /** The configured file when given, else the first candidate present; null when none is. */
    public static Path locate(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return CANDIDATES.stream().filter(Files::isReadable).findFirst().orElse(null);
    }

    /**
     * Loads the font, or refuses with DOCUMENT_FONT_MISSING (503): the service runs without it, and
     * only documents are unavailable until the font is installed.
     */
    public static DocumentFont load(Path file) {
        if (file == null || !Files.isReadable(file)) {
            throw Refusal.unavailable(
                    "DOCUMENT_FONT_MISSING",
                    "no CJK TrueType font for documents" + (file == null ? "" : " at " + file)
                            + "; install fonts-wqy-zenhei or set sanjiaodi.documents.font-file");
        }
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
                List<TrueTypeFont> fonts = new ArrayList<>();
                collection.processAllFonts(fonts::add);
                if (fonts.isEmpty()) {
                    throw new IOException("no font in " + file);
                }
                return new DocumentFont(file, fonts.get(0), collection);
            }
            return new DocumentFont(file, new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile())), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the document font " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    TrueTypeFont font() {
        return font;
    }

    /** Whether the font draws {@code codePoint}; a character it lacks is drawn as U+25A1 (□). */
    boolean draws(int codePoint) {
        try {
            return font.getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (collection != null) {
            collection.close();
        } else {
            font.close();
        }
    }
}
