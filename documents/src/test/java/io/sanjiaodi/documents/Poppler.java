package io.sanjiaodi.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Reads a PDF back with poppler (Debian's poppler-utils, installed by .ci/run), a reader
 * independent of the PDFBox that wrote it: {@code pdftotext} for the text, {@code pdftoppm} for the
 * pages as a printer would see them. Services' document tests use it too (test-jar).
 */
public final class Poppler {

    private Poppler() {}

    /** The text poppler extracts, in reading order. */
    public static String text(Path pdf) throws IOException, InterruptedException {
        Path out = pdf.resolveSibling(pdf.getFileName() + ".txt");
        run("pdftotext", "-enc", "UTF-8", pdf.toString(), out.toString());
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Every page rendered at {@code dpi} as PNG files next to the PDF, in page order. */
    public static List<Path> pages(Path pdf, int dpi) throws IOException, InterruptedException {
        String prefix = pdf.resolveSibling(pdf.getFileName() + "-page").toString();
        run("pdftoppm", "-r", String.valueOf(dpi), "-png", pdf.toString(), prefix);
        List<Path> pages = new ArrayList<>();
        try (var files = Files.list(pdf.getParent())) {
            files.filter(f -> f.toString().startsWith(prefix) && f.toString().endsWith(".png"))
                    .sorted()
                    .forEach(pages::add);
        }
        return pages;
    }

    /** The share of pixels darker than mid-grey: ink on the page. */
    public static double ink(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int grey = (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
                if (grey < 128) {
                    dark++;
                }
            }
        }
        return dark / (double) (image.getWidth() * image.getHeight());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            throw new IllegalStateException(
                    command[0] + " is missing: install poppler-utils (.ci/run does)", notInstalled);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
    }
}
