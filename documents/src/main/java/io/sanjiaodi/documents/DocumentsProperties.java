package io.sanjiaodi.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param fontFile the TrueType font (.ttf or .ttc) the PDFs embed; empty: the first of
 *     {@link DocumentFont#CANDIDATES} present
 * @param verificationUrl the audit page a document's QR code opens, its verification code appended
 *     (the dashboard's verification view, {@code …/dashboard/#/verify/})
 */
@ConfigurationProperties("sanjiaodi.documents")
public record DocumentsProperties(String fontFile, String verificationUrl) {

    public DocumentsProperties {
        verificationUrl = verificationUrl == null || verificationUrl.isBlank()
                ? "http://localhost:8083/dashboard/#/verify/"
                : verificationUrl;
    }

    /** Where the QR code of the document whose verification code is {@code code} leads. */
    public String verificationUrl(String code) {
        return code == null ? null : verificationUrl + code;
    }
}
