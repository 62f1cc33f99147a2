package io.sanjiaodi.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF as poppler reads and draws it: the Chinese text comes back, and every page has ink. */
class RenderedPagesTest {

    @TempDir
    Path dir;

    @Test
    void popplerReadsTheChineseTextBackAndDrawsEveryPage() throws Exception {
        Path pdf = dir.resolve("record.pdf");
        try (DocumentFont font = DocumentFont.load(DocumentFont.locate(null))) {
            Files.write(pdf, new PdfRenderer(font).render(SampleDocuments.sample(40)));
        }
        String text = Poppler.text(pdf).replaceAll("\\s+", "");
        assertThat(text).contains("廉政谈话记录表", "一、问题清单", "第40个问题", "本人郑重承诺", "核验码：3f2504e0");
        List<Path> pages = Poppler.pages(pdf, 50);
        assertThat(pages).hasSizeGreaterThan(1);
        for (Path page : pages) {
            assertThat(Poppler.ink(page)).as(page.toString()).isBetween(0.005, 0.5);
        }
    }
}
