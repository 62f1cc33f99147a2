package io.sanjiaodi.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.documents.OfficialDocument.Paragraph;
import io.sanjiaodi.platform.Refusal;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderersTest {

    static DocumentFont font;

    @TempDir
    Path dir;

    @BeforeAll
    static void font() {
        font = DocumentFont.load(DocumentFont.locate(null));
    }

    @AfterAll
    static void close() throws Exception {
        font.close();
    }

    @Test
    void thePdfEmbedsTheCjkFontAndItsTextReadsBackAsWritten() throws Exception {
        byte[] pdf = new PdfRenderer(font).render(SampleDocuments.sample(3));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text)
                    .contains("廉政谈话记录表", "张三（党组书记）", "第3个问题", "引号", "顿号")
                    .contains("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                    .contains("生成时间：2026-12-0414:30:00（北京时间）")
                    .contains("第1/1页")
                    .doesNotContain("□");
            PDFont embedded = doc.getPage(0)
                    .getResources()
                    .getFont(doc.getPage(0)
                            .getResources()
                            .getFontNames()
                            .iterator()
                            .next());
            assertThat(embedded.isEmbedded()).isTrue();
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("廉政谈话记录表");
        }
    }

    @Test
    void aLongTableContinuesOnNewPagesWithItsHeaderRepeated() throws Exception {
        byte[] pdf = new PdfRenderer(font).render(SampleDocuments.sample(60));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(doc).replaceAll("\\s+", "");
            assertThat(second).startsWith("序号方面问题").contains("第2/" + doc.getNumberOfPages() + "页");
            String all = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            for (int i = 1; i <= 60; i++) {
                assertThat(all).contains("第" + i + "个问题");
            }
        }
    }

    @Test
    void aCharacterTheFontLacksIsDrawnAsABoxInsteadOfFailingTheDocument() throws Exception {
        int lacking = 0x1F600; // 😀: not in a CJK text font
        assertThat(font.draws(lacking)).isFalse();
        var doc = new OfficialDocument(
                "标题",
                null,
                List.of(new Paragraph("笑" + Character.toString(lacking))),
                SampleDocuments.sample(0).provenance());
        try (PDDocument pdf = Loader.loadPDF(new PdfRenderer(font).render(doc))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("笑□");
        }
    }

    @Test
    void theDocxHoldsTheSameTextsAsThePdf() throws Exception {
        OfficialDocument document = SampleDocuments.sample(5);
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(new DocxRenderer().render(document)));
                XWPFWordExtractor words = new XWPFWordExtractor(docx)) {
            String text = words.getText();
            for (String expected : document.texts()) {
                for (String line : expected.split("\n")) {
                    assertThat(text).contains(line);
                }
            }
            assertThat(docx.getAllPictures()).hasSize(1);
            assertThat(docx.getProperties().getCoreProperties().getTitle()).isEqualTo("廉政谈话记录表");
        }
    }

    @Test
    void withoutAFontPdfsAreRefusedWithAStableCode() {
        assertThatThrownBy(() -> DocumentFont.load(dir.resolve("none.ttf")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("DOCUMENT_FONT_MISSING"));
        assertThatThrownBy(() -> DocumentFormat.of("odt"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("UNKNOWN_DOCUMENT_FORMAT"));
        assertThat(DocumentFormat.of(null)).isEqualTo(DocumentFormat.PDF);
        assertThat(DocumentFormat.of("DOCX")).isEqualTo(DocumentFormat.DOCX);
    }
}
