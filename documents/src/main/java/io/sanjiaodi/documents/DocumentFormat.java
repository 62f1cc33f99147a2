package io.sanjiaodi.documents;

import io.sanjiaodi.platform.Refusal;
import java.util.Locale;

/** The formats a document is produced in: PDF to file and print, Word (docx) to edit. */
public enum DocumentFormat {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    private final String mediaType;
    private final String extension;

    DocumentFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** {@code pdf} or {@code docx} (the default pdf); anything else is refused with UNKNOWN_DOCUMENT_FORMAT. */
    public static DocumentFormat of(String name) {
        if (name == null || name.isBlank()) {
            return PDF;
        }
        for (DocumentFormat format : values()) {
            if (format.extension.equals(name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw Refusal.unprocessable("UNKNOWN_DOCUMENT_FORMAT", "format must be pdf or docx, not " + name);
    }
}
