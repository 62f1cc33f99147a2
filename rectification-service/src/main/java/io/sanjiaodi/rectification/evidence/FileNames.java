package io.sanjiaodi.rectification.evidence;

import io.sanjiaodi.platform.Refusal;

/**
 * Evidence file names are shown to people and offered back as download names, never used as paths;
 * still, a name that tries a path trick is refused rather than silently rewritten, so the record
 * says exactly what the unit uploaded.
 */
public final class FileNames {

    static final int MAX_LENGTH = 200;

    private FileNames() {}

    public static String check(String name) {
        if (name == null || name.isBlank()) {
            throw Refusal.unprocessable("EVIDENCE_FILE_NAME_REQUIRED", "the file needs a name");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_LENGTH
                || trimmed.startsWith(".")
                || trimmed.contains("..")
                || trimmed.chars().anyMatch(FileNames::forbidden)) {
            throw Refusal.unprocessable(
                    "EVIDENCE_FILE_NAME_INVALID",
                    "a file name may not contain path separators, '..', control characters or start with a dot");
        }
        return trimmed;
    }

    private static boolean forbidden(int c) {
        return c == '/'
                || c == '\\'
                || c == ':'
                || c == '*'
                || c == '?'
                || c == '"'
                || c == '<'
                || c == '>'
                || c == '|'
                || Character.isISOControl(c)
                || c == '\u202E';
    }
}
