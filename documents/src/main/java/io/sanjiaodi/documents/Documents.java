package io.sanjiaodi.documents;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What a service's document endpoints call: an {@link OfficialDocument} rendered in the asked
 * format and answered as a download. The font is loaded at the first PDF, so a service starts
 * without it and only its PDFs answer 503 DOCUMENT_FONT_MISSING until it is installed.
 */
public class Documents {

    private final DocumentsProperties properties;
    private final DocxRenderer docx = new DocxRenderer();
    private volatile PdfRenderer pdf;

    public Documents(DocumentsProperties properties) {
        this.properties = properties;
    }

    public DocumentsProperties properties() {
        return properties;
    }

    public byte[] render(OfficialDocument document, DocumentFormat format) {
        return switch (format) {
            case PDF -> pdf().render(document);
            case DOCX -> docx.render(document);
        };
    }

    /** The document as an attachment named {@code name}.pdf or {@code name}.docx. */
    public ResponseEntity<byte[]> download(OfficialDocument document, DocumentFormat format, String name) {
        byte[] body = render(document, format);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name + "." + format.extension(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private PdfRenderer pdf() {
        PdfRenderer renderer = pdf;
        if (renderer == null) {
            synchronized (this) {
                if (pdf == null) {
                    pdf = new PdfRenderer(DocumentFont.load(DocumentFont.locate(properties.fontFile())));
                }
                renderer = pdf;
            }
        }
        return renderer;
    }
}
